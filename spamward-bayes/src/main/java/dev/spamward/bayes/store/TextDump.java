package dev.spamward.bayes.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The portable text format of {@code spamward bayes export|import}, independent of the backend:
 * <pre>
 * spamward-bayes-export 1
 * messages SPAM HAM
 * m KEYHEX spam|ham          (one per remembered message)
 * t SPAM HAM TOKEN           (one per token)
 * </pre>
 * Fields are separated by one tab; in tokens, backslash, tab, CR and LF are written {@code \\ \t \r \n}.
 * Lines starting with {@code #} are comments. Importing adds to what the store already holds.
 */
public final class TextDump {
    /** First line of every export. */
    public static final String MAGIC = "spamward-bayes-export";
    private static final int VERSION = 1;

    private TextDump() {
    }

    /** Writes the whole store (one consistent snapshot per section) and returns the number of tokens. */
    public static long write(TokenStore store, Writer out) throws IOException {
        StoreStats st = store.stats();
        out.write(MAGIC + "\t" + VERSION + "\n");
        out.write("messages\t" + st.spamMessages() + "\t" + st.hamMessages() + "\n");
        HexFormat hex = HexFormat.of();
        long[] n = {0};
        try {
            store.forEachMessage(m -> line(out, "m\t" + hex.formatHex(m.key()) + "\t" + m.label().id() + "\n"));
            store.forEachToken(t -> {
                line(out, "t\t" + t.spam() + "\t" + t.ham() + "\t" + escape(t.token()) + "\n");
                n[0]++;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        return n[0];
    }

    private static void line(Writer out, String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads an export and adds it to the store in one atomic step; returns the number of tokens.
     *
     * @throws IllegalArgumentException naming the line when the input is not a valid export
     */
    public static long read(BufferedReader in, TokenStore store) throws IOException {
        String first = in.readLine();
        if (first == null || !first.startsWith(MAGIC + "\t")) {
            throw new IllegalArgumentException("line 1: not a Spamward token export (expected '" + MAGIC + "')");
        }
        int version = parseInt(first.substring(MAGIC.length() + 1), 1);
        if (version > VERSION) throw new IllegalArgumentException("export format " + version + " is newer than supported (" + VERSION + ")");
        List<TokenRecord> tokens = new ArrayList<>();
        List<MessageRecord> messages = new ArrayList<>();
        long spam = 0;
        long ham = 0;
        HexFormat hex = HexFormat.of();
        String line;
        int no = 1;
        while ((line = in.readLine()) != null) {
            no++;
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\t", 4);
            try {
                switch (f[0]) {
                    case "messages" -> {
                        spam += Long.parseLong(f[1]);
                        ham += Long.parseLong(f[2]);
                    }
                    case "m" -> messages.add(new MessageRecord(hex.parseHex(f[1]), Label.parse(f[2])));
                    case "t" -> tokens.add(new TokenRecord(unescape(f[3]), Integer.parseInt(f[1]), Integer.parseInt(f[2])));
                    default -> throw new IllegalArgumentException("unknown record '" + f[0] + "'");
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + no + ": bad record (" + e.getMessage() + ")");
            }
        }
        store.importBatch(tokens, messages, spam, ham);
        return tokens.size();
    }

    private static int parseInt(String s, int line) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + line + ": bad number '" + s + "'");
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            b.append(switch (n) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> n;
            });
        }
        return b.toString();
    }
}
