package dev.spamward.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGHUP as "reload the configuration", as mail daemons do ({@code systemctl reload}, {@code kill -HUP}).
 * The JVM would otherwise treat SIGHUP as a request to shut down.
 */
final class Reload {
    private static final Logger LOG = LoggerFactory.getLogger(Reload.class);

    private Reload() {
    }

    /**
     * Runs {@code action} on a fresh thread for every SIGHUP; does nothing where signals cannot be handled (-Xrs).
     * A process started with SIGHUP ignored ({@code nohup}) keeps ignoring it: the JVM does not install a handler
     * for an ignored signal, and no shell can undo an ignore inherited at start. That is logged, since
     * {@code kill -HUP} would otherwise change nothing without a word.
     */
    static void onHangup(Runnable action) {
        try {
            SignalHandler previous = Signal.handle(new Signal("HUP"), sig -> Thread.ofPlatform().name("spamward-reload").start(action));
            if (previous == SignalHandler.SIG_IGN) {
                LOG.warn("SIGHUP is ignored by this process (started with nohup?), so kill -HUP will not reload the "
                        + "configuration; restart to apply changes, or start it without nohup (systemd, a service manager)");
            }
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.warn("SIGHUP cannot be handled here ({}); restart to apply configuration changes", e.getMessage());
        }
    }
}
