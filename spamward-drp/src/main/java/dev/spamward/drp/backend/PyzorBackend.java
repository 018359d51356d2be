package dev.spamward.drp.backend;

import java.time.Duration;

/**
 * The Pyzor network as the service uses it. Thread-safe; returning normally means "authoritative",
 * throwing means "no answer" (safe default 0/0 or {@code false}, counted as a backend error). An
 * adapter throws when any configured server failed to answer 200.
 */
public interface PyzorBackend {

    /** The maximum counts over the configured servers. */
    PyzorCounts check(byte[] message, Duration budget) throws Exception;

    /** Reports {@code message} as spam; true when every server accepted it. */
    boolean report(byte[] message, Duration budget) throws Exception;

    /** White-lists {@code message} ({@code /revoke}); needs an account (anonymous users get 403). */
    boolean whitelist(byte[] message, Duration budget) throws Exception;
}
