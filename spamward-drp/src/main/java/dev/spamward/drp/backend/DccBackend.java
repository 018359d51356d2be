package dev.spamward.drp.backend;

import java.time.Duration;

/**
 * The DCC network as the service uses it. Implementations must be thread-safe; they are called from
 * many virtual threads at once. Returning normally means "authoritative answer"; throwing (any
 * exception) means "no answer", and the service falls back to the safe default.
 */
public interface DccBackend {

    /**
     * Queries the DCC counts of {@code message} without reporting it.
     *
     * @param message the raw message (never written anywhere)
     * @param budget  the time this call may take; the service abandons it afterwards
     */
    DccVerdict check(byte[] message, Duration budget) throws Exception;

    /**
     * Reports {@code message} as spam (Spamward sends the "many" target count, as {@code dccproc -t many}).
     *
     * @return true when the report was sent and answered
     */
    boolean report(byte[] message, Duration budget) throws Exception;
}
