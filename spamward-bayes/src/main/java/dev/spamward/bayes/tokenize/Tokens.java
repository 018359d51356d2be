package dev.spamward.bayes.tokenize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The tokens of one message, in the order found (with repeats), and what went wrong while reading it.
 *
 * @param all every token in order
 * @param problems parse defects and limits hit, as short text (empty when the message was read cleanly)
 */
public record Tokens(List<String> all, List<String> problems) {

    /** Distinct tokens in first-seen order (the classifier counts a token once per message). */
    public List<String> distinct() {
        // An open-addressing table presized for all tokens: no entry objects and no rehashing, which
        // LinkedHashSet has (this runs once per classified message).
        int n = all.size();
        String[] table = new String[Integer.highestOneBit(Math.max(n, 1) * 2 + 1) * 2];
        int mask = table.length - 1;
        List<String> out = new ArrayList<>(n);
        for (String t : all) {
            if (t == null) return new ArrayList<>(new LinkedHashSet<>(all)); // (the tokenizer makes none)
            int h = t.hashCode();
            int i = (h ^ (h >>> 16)) & mask;
            for (String s; (s = table[i]) != null; i = (i + 1) & mask) {
                if (s.hashCode() == h && s.equals(t)) break;
            }
            if (table[i] == null) {
                table[i] = t;
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The message key used to remember a learned message: the first 16 bytes of SHA-256 over the sorted
     * distinct tokens. Copies of a message that differ only in what gives no tokens (line ends, ids,
     * dates, our own headers) share the key.
     */
    public byte[] key() {
        String[] d = distinct().toArray(String[]::new);
        Arrays.sort(d);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String t : d) {
                md.update(t.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return Arrays.copyOf(md.digest(), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
