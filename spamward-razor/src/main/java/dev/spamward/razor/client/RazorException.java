package dev.spamward.razor.client;

/** A Razor operation failed: no server answered properly, or the server refused (login, registration). */
public class RazorException extends Exception {
    private static final long serialVersionUID = 1L;

    public RazorException(String message) {
        super(message);
    }

    public RazorException(String message, Throwable cause) {
        super(message, cause);
    }
}
