package dev.spamward.drp.backend;

import java.time.Duration;

/**
 * The Razor network as the service uses it. Thread-safe; returning normally means "authoritative",
 * throwing means "no answer" (safe default {@code false}, counted as a backend error).
 */
public interface RazorBackend {

    /** True when Razor says spam (logic method 4 with the configured {@code min_cf}). */
    boolean check(byte[] message, Duration budget) throws Exception;

    /**
     * Reports {@code message} as spam. Returns false without any network call when no Razor identity is
     * configured (that is not a backend error).
     */
    boolean report(byte[] message, Duration budget) throws Exception;

    /** Revokes {@code message} (reports it as ham); false without an identity, as {@link #report}. */
    boolean revoke(byte[] message, Duration budget) throws Exception;
}
