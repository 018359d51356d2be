package dev.spamward.bayes.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A token store in memory, for tests and for benchmark sweeps that try many settings. It follows the
 * same contract as the LMDB store (per-message counts, dedupe, move, unlearn) and keeps nothing.
 */
public final class MemoryTokenStore implements TokenStore {
    private final Map<String, int[]> tokens = new HashMap<>();
    private final Map<ByteBuffer, Label> messages = new HashMap<>();
    private long spam;
    private long ham;

    @Override
    public synchronized Counts lookup(List<String> list) {
        int[] s = new int[list.size()];
        int[] h = new int[list.size()];
        for (int i = 0; i < s.length; i++) {
            int[] c = tokens.get(list.get(i));
            if (c != null) {
                s[i] = c[0];
                h[i] = c[1];
            }
        }
        return new Counts(spam, ham, List.copyOf(list), s, h);
    }

    @Override
    public synchronized LearnOutcome learn(byte[] key, Collection<String> toks, Label label) {
        Label prev = messages.get(ByteBuffer.wrap(key.clone()));
        if (prev == label) return LearnOutcome.ALREADY_LEARNED;
        if (prev != null) apply(toks, prev, -1);
        apply(toks, label, 1);
        messages.put(ByteBuffer.wrap(key.clone()), label);
        return prev == null ? LearnOutcome.LEARNED : LearnOutcome.MOVED;
    }

    @Override
    public synchronized LearnOutcome unlearn(byte[] key, Collection<String> toks) {
        Label prev = messages.remove(ByteBuffer.wrap(key.clone()));
        if (prev == null) return LearnOutcome.NOT_LEARNED;
        apply(toks, prev, -1);
        return LearnOutcome.UNLEARNED;
    }

    private void apply(Collection<String> toks, Label label, int d) {
        int i = label == Label.SPAM ? 0 : 1;
        for (String t : toks) {
            int[] c = tokens.computeIfAbsent(t, k -> new int[2]);
            c[i] = Math.max(0, c[i] + d);
            if (c[0] == 0 && c[1] == 0) tokens.remove(t);
        }
        if (label == Label.SPAM) spam = Math.max(0, spam + d);
        else ham = Math.max(0, ham + d);
    }

    @Override
    public synchronized Optional<Label> learnedAs(byte[] key) {
        return Optional.ofNullable(messages.get(ByteBuffer.wrap(key.clone())));
    }

    @Override
    public synchronized StoreStats stats() {
        return new StoreStats("memory", "-", 1, spam, ham, tokens.size(), messages.size(), 0);
    }

    @Override
    public synchronized void forEachToken(Consumer<TokenRecord> visitor) {
        new TreeMap<>(tokens).forEach((t, c) -> visitor.accept(new TokenRecord(t, c[0], c[1])));
    }

    @Override
    public synchronized void forEachMessage(Consumer<MessageRecord> visitor) {
        List<MessageRecord> l = new ArrayList<>();
        messages.forEach((k, v) -> {
            byte[] b = new byte[k.remaining()];
            k.duplicate().get(b);
            l.add(new MessageRecord(b, v));
        });
        l.forEach(visitor);
    }

    @Override
    public synchronized void importBatch(List<TokenRecord> recs, List<MessageRecord> msgs, long spamMessages, long hamMessages) {
        for (TokenRecord r : recs) {
            int[] c = tokens.computeIfAbsent(r.token(), k -> new int[2]);
            c[0] += r.spam();
            c[1] += r.ham();
        }
        for (MessageRecord m : msgs) messages.putIfAbsent(ByteBuffer.wrap(m.key().clone()), m.label());
        spam += spamMessages;
        ham += hamMessages;
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
