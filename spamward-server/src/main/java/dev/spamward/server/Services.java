package dev.spamward.server;

import dev.spamward.bayes.BayesSettings;
import dev.spamward.bayes.http.BayesHttpApi;
import dev.spamward.core.config.Config;
import com.sun.net.httpserver.HttpHandler;
import dev.spamward.core.config.CoreSettings;
import dev.spamward.drp.DrpMetrics;
import dev.spamward.drp.DrpOptions;
import dev.spamward.drp.DrpService;
import dev.spamward.drp.DrpSettings;
import dev.spamward.drp.backend.Backends;
import dev.spamward.drp.http.ServerTuning;
import dev.spamward.core.config.ConfigException;
import dev.spamward.greylist.GreylistService;
import dev.spamward.greylist.GreylistSettings;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running services of one {@code spamward serve} process. This is where the libraries are wired
 * together: each enabled service is started here, in order, and closed in reverse order.
 *
 * <p>Today: the HTTP endpoint with {@code /health} and {@code /metrics}, and on it the DRP service
 * ({@code POST /check}, {@code /report}, {@code /revoke}) when {@code drp.enabled}; the greylisting
 * front doors are added here by their issue.
 */
public final class Services implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Services.class);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final List<String> descriptions = new ArrayList<>();
    private HttpEndpoint http;
    private GreylistService greylist;
    private Config started;
    private boolean closed;

    private Services() {
    }

    /** Starts every enabled service (HTTP endpoint, greylisting front doors); on failure, stops what was started and rethrows. */
    public static Services start(Config config) throws IOException {
        Services s = new Services();
        s.started = config;
        try {
            if (config.get(CoreSettings.HTTP_ENABLED)) {
                DrpService drp = null;
                DrpOptions drpOptions = DrpOptions.from(config, LOG::warn);
                // before the first JDK HTTP server exists
                ServerTuning.apply(drpOptions.backendTimeout(), config.get(CoreSettings.HTTP_MAX_CONNECTIONS));
                if (config.get(DrpSettings.ENABLED)) {
                    drp = new DrpService(drpOptions, Backends.fromConfig(config, LOG::warn), DrpMetrics.shared());
                    s.running.push(drp); // closed after the endpoint that calls it
                }
                s.http = new HttpEndpoint(DrpOptions.listen(config, LOG::warn));
                if (drp != null) {
                    for (Map.Entry<String, HttpHandler> r : drp.routes().entrySet()) s.http.route("POST", r.getKey(), r.getValue());
                }
                s.http.start();
                s.running.push(s.http);
                s.descriptions.add("http " + s.http.address() + " (/health, /metrics)");
                if (drp != null) s.descriptions.add(drp.describe());
                if (knows(config, BayesSettings.HTTP_ENABLED) && config.get(BayesSettings.HTTP_ENABLED)) s.startBayes(config);
            }
            if (config.get(GreylistSettings.POLICY_ENABLED) || config.get(GreylistSettings.MILTER_ENABLED)
                    || config.get(GreylistSettings.SJSMS_ENABLED)) {
                GreylistService greylist;
                try {
                    greylist = GreylistService.start(config);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("greylisting: " + e.getMessage());
                }
                s.running.push(greylist);
                s.greylist = greylist;
                s.descriptions.addAll(greylist.descriptions());
                if (s.http != null) {
                    s.http.route("GET", "/greylist/status", ex -> HttpEndpoint.send(ex, 200, "application/json",
                            greylist.status().json()));
                    s.http.route("GET", "/greylist/nagios", ex -> HttpEndpoint.send(ex, 200, "text/plain; charset=utf-8",
                            greylist.status().nagios()));
                    s.descriptions.add("http /greylist/status, /greylist/nagios");
                }
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

    /** The Bayes classifier's routes on the HTTP endpoint (its database is opened on the first request). */
    private void startBayes(Config config) {
        BayesHttpApi bayes = BayesHttpApi.open(config);
        bayes.register(http::route);
        running.push(bayes);
        descriptions.add("bayes (/bayes/check, /bayes/learn, /bayes/unlearn, /bayes/stats)");
    }

    /**
     * Applies a reloaded configuration to the running services (SIGHUP). The greylisting rules take effect at
     * once (see {@link GreylistService#reload}); any other changed key needs a restart and is named in the result.
     *
     * @throws ConfigException when a value is unusable; nothing is changed then
     */
    public synchronized List<String> reload(Config next) {
        if (closed) return List.of();
        List<String> restart = new ArrayList<>();
        if (greylist != null) {
            try {
                restart.addAll(greylist.reload(next));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("greylisting: " + e.getMessage());
            }
        }
        java.util.Set<String> greylistKeys = new java.util.HashSet<>();
        for (dev.spamward.core.config.ConfigKey<?> k : new GreylistSettings().keys()) greylistKeys.add(k.name());
        for (var st : next.settings()) {
            String name = st.key().name();
            if (greylist != null && greylistKeys.contains(name)) continue;
            if (!java.util.Objects.equals(st.value(), valueOf(started, name))) restart.add(name);
        }
        return restart;
    }

    private static Object valueOf(Config c, String name) {
        for (Config.Setting st : c.settings()) {
            if (st.key().name().equals(name)) return st.value();
        }
        return null;
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
