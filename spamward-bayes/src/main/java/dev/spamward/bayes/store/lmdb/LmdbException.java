package dev.spamward.bayes.store.lmdb;

import dev.spamward.bayes.store.StoreException;

/** A failed LMDB call, with LMDB's own message and the return code. */
public final class LmdbException extends StoreException {
    private static final long serialVersionUID = 1L;
    private final int code;

    LmdbException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** The LMDB or errno return code (-1 when the failure was not a return code). */
    public int code() {
        return code;
    }

    /** Throws for a non-zero return code of {@code what}. */
    static void check(int rc, String what) {
        if (rc != LmdbNative.MDB_SUCCESS) throw new LmdbException(rc, what + ": " + LmdbNative.strerror(rc));
    }

    /** Wraps a throwable from {@code invokeExact} (which declares Throwable but only throws unchecked here). */
    static RuntimeException unexpected(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
