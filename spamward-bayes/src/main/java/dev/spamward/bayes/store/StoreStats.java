package dev.spamward.bayes.store;

/**
 * Summary of a token store for {@code spamward bayes stats}.
 *
 * @param backend store kind and version, e.g. {@code lmdb (LMDB 0.9.24 ...)}
 * @param location where the data lives (directory, URL)
 * @param format on-disk format version
 * @param spamMessages messages learned as spam
 * @param hamMessages messages learned as ham
 * @param tokens distinct tokens stored
 * @param messages message keys remembered (for dedupe, move and unlearn)
 * @param bytes bytes used on disk (0 when unknown)
 */
public record StoreStats(String backend, String location, int format, long spamMessages, long hamMessages,
                         long tokens, long messages, long bytes) {
}
