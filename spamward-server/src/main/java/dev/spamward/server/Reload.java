package dev.spamward.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGHUP as "reload the configuration", as mail daemons do ({@code systemctl reload}, {@code kill -HUP}).
 * The JVM would otherwise treat SIGHUP as a request to shut down.
 */
final class Reload {
    private static final Logger LOG = LoggerFactory.getLogger(Reload.class);

    private Reload() {
    }

    /** Runs {@code action} on a fresh thread for every SIGHUP; does nothing where signals cannot be handled (-Xrs). */
    static void onHangup(Runnable action) {
        try {
            Signal.handle(new Signal("HUP"), sig -> Thread.ofPlatform().name("spamward-reload").start(action));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.warn("SIGHUP cannot be handled here ({}); restart to apply configuration changes", e.getMessage());
        }
    }
}
