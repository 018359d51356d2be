package dev.spamward.pyzor.protocol;

import java.util.concurrent.ThreadLocalRandom;

/** Pyzor thread ids: requests use 1024..65535; 0..1023 are reserved for server error replies. */
public final class ThreadIds {
    /** Smallest id a client may use. */
    public static final int MIN_OK = 1024;
    /** Largest id. */
    public static final int MAX = 65535;

    private ThreadIds() {
    }

    /** A random id in the client range. */
    public static int random() {
        return ThreadLocalRandom.current().nextInt(MIN_OK, MAX + 1);
    }
}
