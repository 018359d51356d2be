package dev.spamward.drp.backend;

/**
 * Thrown by a backend adapter when it has no authoritative answer (no server answered, a server
 * answered with an error, only some Pyzor servers answered). The service then uses the network's safe
 * default, counts a backend error and does not cache the verdict.
 */
public class BackendException extends Exception {
    private static final long serialVersionUID = 1L;

    public BackendException(String message) {
        super(message);
    }

    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
