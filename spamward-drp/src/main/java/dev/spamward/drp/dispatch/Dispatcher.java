package dev.spamward.drp.dispatch;

import dev.spamward.drp.DrpMetrics;
import dev.spamward.drp.backend.Backends;
import dev.spamward.drp.backend.DccVerdict;
import dev.spamward.drp.backend.PyzorCounts;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans one request out to the three networks at once, each on its own virtual thread, within one
 * deadline ({@code budget} from the start). Every network is best-effort: an exception or a missed
 * deadline leaves its safe default, is counted in {@code gozer_backend_error_total} and never fails the
 * request. A late backend call is cancelled (its thread interrupted) and its answer ignored.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_ERROR_TEXT = 160;

    private final Backends backends;
    private final Duration budget;
    private final DrpMetrics metrics;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("drp-backend-", 0).factory());

    /**
     * @param backends the networks
     * @param budget   the time each request's fan-out may take
     * @param metrics  where backend errors are counted
     */
    public Dispatcher(Backends backends, Duration budget, DrpMetrics metrics) {
        this.backends = backends;
        this.budget = budget;
        this.metrics = metrics;
    }

    /** Queries the three networks. */
    public CheckResult check(byte[] msg) {
        long start = System.nanoTime();
        Call<DccVerdict> dcc = start(Network.DCC, start, () -> backends.dcc().check(msg, budget));
        Call<Boolean> razor = start(Network.RAZOR, start, () -> backends.razor().check(msg, budget));
        Call<PyzorCounts> pyzor = start(Network.PYZOR, start, () -> backends.pyzor().check(msg, budget));
        long deadline = start + budget.toNanos();
        return new CheckResult(dcc.await(deadline, DccVerdict.UNKNOWN), razor.await(deadline, false),
                pyzor.await(deadline, PyzorCounts.ZERO));
    }

    /** Reports the message as spam to all three networks. */
    public FeedbackResult report(byte[] msg) {
        long start = System.nanoTime();
        Call<Boolean> dcc = start(Network.DCC, start, () -> backends.dcc().report(msg, budget));
        Call<Boolean> razor = start(Network.RAZOR, start, () -> backends.razor().report(msg, budget));
        Call<Boolean> pyzor = start(Network.PYZOR, start, () -> backends.pyzor().report(msg, budget));
        long deadline = start + budget.toNanos();
        return new FeedbackResult(dcc.await(deadline, false), razor.await(deadline, false), pyzor.await(deadline, false));
    }

    /** Reports the message as ham: Razor revoke and Pyzor whitelist; DCC has no un-report. */
    public FeedbackResult revoke(byte[] msg) {
        long start = System.nanoTime();
        Call<Boolean> razor = start(Network.RAZOR, start, () -> backends.razor().revoke(msg, budget));
        Call<Boolean> pyzor = start(Network.PYZOR, start, () -> backends.pyzor().whitelist(msg, budget));
        long deadline = start + budget.toNanos();
        return new FeedbackResult(null, razor.await(deadline, false), pyzor.await(deadline, false));
    }

    private <T> Call<T> start(Network network, long start, Callable<T> work) {
        return new Call<>(network, start, executor.submit(() -> {
            T v = work.call();
            return new Timed<>(v, System.nanoTime());
        }));
    }

    private record Timed<T>(T value, long doneAt) {
    }

    /** One network's call in flight. */
    private final class Call<T> {
        private final Network network;
        private final long start;
        private final Future<Timed<T>> future;

        Call(Network network, long start, Future<Timed<T>> future) {
            this.network = network;
            this.start = start;
            this.future = future;
        }

        Outcome<T> await(long deadline, T fallback) {
            String error;
            try {
                Timed<T> t = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (t.value() != null) return Outcome.ok(t.value(), t.doneAt() - start);
                error = "no answer";
            } catch (TimeoutException e) {
                future.cancel(true);
                error = "timeout";
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                error = describe(cause);
                if (cause instanceof RuntimeException || cause instanceof Error) {
                    // The analogue of a recovered panic in gozer: a bug in an adapter, worth a stack trace.
                    LOG.warn("{} backend failed unexpectedly", network.label(), cause);
                } else {
                    LOG.debug("{} backend failed: {}", network.label(), error);
                }
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
            metrics.backendError(network);
            return Outcome.failed(fallback, System.nanoTime() - start, error);
        }
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        String s = m == null || m.isBlank() ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + m;
        return s.length() > MAX_ERROR_TEXT ? s.substring(0, MAX_ERROR_TEXT) : s;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
