package dev.spamward.bench.bayes;

import dev.spamward.bayes.store.Label;
import java.nio.file.Path;

/** A filter driven by the train-on-error procedure: learn a message file, classify one (spam or not). */
interface ToeFilter extends AutoCloseable {

    /** Name for the results table. */
    String name();

    void learn(Path message, Label label) throws Exception;

    boolean isSpam(Path message) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
