package dev.spamward.bayes.store;

/** A token store failure (missing, locked or incompatible database, I/O error), with a one-line message. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
