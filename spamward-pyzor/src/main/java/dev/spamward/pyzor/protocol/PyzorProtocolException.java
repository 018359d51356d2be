package dev.spamward.pyzor.protocol;

/** A reply that breaks the protocol: unparsable, incomplete, oversized, or for another thread. */
public final class PyzorProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    public PyzorProtocolException(String message) {
        super(message);
    }
}
