package dev.spamward.server;

import dev.spamward.bayes.BayesSettings;
import dev.spamward.bayes.http.BayesHttpApi;
import dev.spamward.bayes.store.StoreException;
import dev.spamward.core.config.Config;
import dev.spamward.core.config.CoreSettings;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running services of one {@code spamward serve} process. This is where the libraries are wired
 * together: each enabled service is started here, in order, and closed in reverse order.
 *
 * <p>Today only the HTTP endpoint with {@code /health} and {@code /metrics} exists; the greylisting
 * front doors and the collaborative-network API are added here by their issues.
 */
public final class Services implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final List<String> descriptions = new ArrayList<>();
    private HttpEndpoint http;
    private boolean closed;

    private Services() {
    }

    /** Starts every enabled service; on failure, stops what was started and rethrows. */
    public static Services start(Config config) throws IOException {
        Services s = new Services();
        try {
            if (config.get(CoreSettings.HTTP_ENABLED)) {
                s.http = new HttpEndpoint(config.get(CoreSettings.HTTP_LISTEN));
                s.http.start();
                s.running.push(s.http);
                s.descriptions.add("http " + s.http.address() + " (/health, /metrics)");
                if (knows(config, BayesSettings.HTTP_ENABLED) && config.get(BayesSettings.HTTP_ENABLED)) s.startBayes(config);
            }
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        if (s.descriptions.isEmpty()) {
            LOG.warn("no service is enabled; set http.enabled = true");
        }
        return s;
    }

    /** True when the configuration's schema has {@code key} (tests build configurations with fewer sections). */
    private static boolean knows(Config config, dev.spamward.core.config.ConfigKey<?> key) {
        return config.settings().stream().anyMatch(st -> st.key().name().equals(key.name()));
    }

    /** The Bayes classifier's routes on the HTTP endpoint; a database that cannot be opened is logged, not fatal. */
    private void startBayes(Config config) {
        try {
            BayesHttpApi bayes = BayesHttpApi.open(config);
            bayes.register(http::route);
            running.push(bayes);
            descriptions.add("bayes (/bayes/check, /bayes/learn, /bayes/unlearn, /bayes/stats)");
        } catch (StoreException e) {
            LOG.error("Bayes HTTP API not started: {}", e.getMessage());
        }
    }

    /** The HTTP endpoint, or null when disabled. */
    public HttpEndpoint http() {
        return http;
    }

    /** A one-line summary of what runs, for the start-up log line. */
    public String describe() {
        return descriptions.isEmpty() ? "nothing" : String.join("; ", descriptions);
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                LOG.warn("error while stopping a service: {}", e.toString());
            }
        }
    }
}
