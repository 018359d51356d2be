package dev.spamward.razor.client;

/**
 * A Razor operation failed: either no server answered properly ({@link #serverUnavailable()}), or a server
 * refused (login, registration, unsupported report engine).
 */
public class RazorException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean unavailable;

    public RazorException(String message) {
        this(message, false);
    }

    RazorException(String message, boolean unavailable) {
        super(message);
        this.unavailable = unavailable;
    }

    /** True when no server could be used (all unreachable, slow or misbehaving); retrying later may help. */
    public boolean serverUnavailable() {
        return unavailable;
    }
}
