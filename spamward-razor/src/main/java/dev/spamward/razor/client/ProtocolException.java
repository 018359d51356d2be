package dev.spamward.razor.client;

import java.io.IOException;

/** A server broke the protocol (bad greeting, malformed or oversized reply); the client tries the next one. */
public final class ProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
