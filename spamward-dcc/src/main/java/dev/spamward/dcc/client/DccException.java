package dev.spamward.dcc.client;

import java.io.IOException;

/** No DCC server gave a usable answer in time. */
public final class DccException extends IOException {
    private static final long serialVersionUID = 1L;

    public DccException(String message) {
        super(message);
    }
}
