package dev.spamward.dcc.proto;

/** A server packet that is malformed, unsigned where it must be signed, or not an answer to our request. */
public final class DccProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    public DccProtocolException(String message) {
        super(message);
    }
}
