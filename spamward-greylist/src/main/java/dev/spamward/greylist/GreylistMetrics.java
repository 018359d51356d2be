package dev.spamward.greylist;

import dev.spamward.core.metrics.Metrics;
import dev.spamward.greylist.engine.Result;
import dev.spamward.greylist.engine.Stats;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.Collector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exposes the greylisting counters in the shared Prometheus registry as callbacks that read
 * {@link Stats} snapshots: scraping never takes a lock of the query path.
 */
final class GreylistMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(GreylistMetrics.class);
    private final List<Collector> registered = new ArrayList<>();

    private GreylistMetrics() {
    }

    static GreylistMetrics register(GreylistService s) {
        GreylistMetrics m = new GreylistMetrics();
        Stats st = s.engine().stats();
        m.add(CounterWithCallback.builder().name("spamward_greylist_answers").help("Greylisting answers by result")
                .labelNames("result").callback(cb -> {
                    for (Result r : Result.values()) cb.call(st.answers(r), r.name().toLowerCase(Locale.ROOT));
                }).build());
        m.add(CounterWithCallback.builder().name("spamward_greylist_checks_fired").help("Checks that fired, by label")
                .labelNames("check").callback(cb -> st.checksFired().forEach((k, v) -> cb.call(v, k))).build());
        m.add(CounterWithCallback.builder().name("spamward_greylist_errors")
                .help("Queries answered with the error (fail-open) answer, by kind").labelNames("kind")
                .callback(cb -> st.errors().forEach((k, v) -> cb.call(v, k))).build());
        m.add(CounterWithCallback.builder().name("spamward_greylist_check_errors")
                .help("Checks that gave no result (DNS timeout or failure), by check").labelNames("check")
                .callback(cb -> st.checkErrors().forEach((k, v) -> cb.call(v, k))).build());
        m.add(CounterWithCallback.builder().name("spamward_greylist_whitelisted").help("Queries trusted by a whitelist")
                .callback(cb -> cb.call(st.whitelistedCount())).build());
        m.add(GaugeWithCallback.builder().name("spamward_greylist_in_flight").help("Queries being decided now")
                .callback(cb -> cb.call(st.inFlight())).build());
        m.add(GaugeWithCallback.builder().name("spamward_greylist_connections").help("Open connections by front door")
                .labelNames("door").callback(cb -> {
                    if (s.policy() != null) cb.call(s.policy().openConnections(), "policy");
                    if (s.milter() != null) cb.call(s.milter().openConnections(), "milter");
                }).build());
        m.add(GaugeWithCallback.builder().name("spamward_greylist_filter_fill_ratio")
                .help("Fraction of Bloom aggregate bits set (false MATCH rate is about this to the 8th power)")
                .callback(cb -> cb.call(s.ring().fillRatio())).build());
        m.add(GaugeWithCallback.builder().name("spamward_greylist_delay_queue").help("Delayed inserts waiting")
                .callback(cb -> cb.call(s.engine().delayQueue().size())).build());
        m.add(CounterWithCallback.builder().name("spamward_greylist_delay_queue_dropped")
                .help("Delayed inserts dropped because the queue was full")
                .callback(cb -> cb.call(s.engine().delayQueue().dropped())).build());
        return m;
    }

    private void add(Collector c) {
        try {
            Metrics.registry().register(c);
            registered.add(c);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A second greylisting service in one JVM (tests with two replicating nodes): the first one reports.
            LOG.debug("metric already registered: {}", e.getMessage());
        }
    }

    void unregister() {
        for (Collector c : registered) Metrics.registry().unregister(c);
        registered.clear();
    }
}
