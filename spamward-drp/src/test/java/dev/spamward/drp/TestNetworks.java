package dev.spamward.drp;

import dev.spamward.drp.backend.Backends;
import dev.spamward.drp.backend.DccBackend;
import dev.spamward.drp.backend.DccVerdict;
import dev.spamward.drp.backend.PyzorBackend;
import dev.spamward.drp.backend.PyzorCounts;
import dev.spamward.drp.backend.RazorBackend;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The three networks for the tests: small in-process implementations of the backend interfaces whose
 * answers, delays and failures each test sets, and which count their calls.
 */
final class TestNetworks {

    /** One network operation's behaviour. */
    @FunctionalInterface
    interface Behaviour<T> {
        T call(byte[] message, Duration budget) throws Exception;
    }

    volatile Behaviour<DccVerdict> dccCheck = (m, b) -> DccVerdict.reject(16_777_200);
    volatile Behaviour<Boolean> dccReport = (m, b) -> true;
    volatile Behaviour<Boolean> razorCheck = (m, b) -> true;
    volatile Behaviour<Boolean> razorReport = (m, b) -> true;
    volatile Behaviour<Boolean> razorRevoke = (m, b) -> true;
    volatile Behaviour<PyzorCounts> pyzorCheck = (m, b) -> new PyzorCounts(3, 0);
    volatile Behaviour<Boolean> pyzorReport = (m, b) -> true;
    volatile Behaviour<Boolean> pyzorWhitelist = (m, b) -> false;

    final AtomicInteger dccChecks = new AtomicInteger();
    final AtomicInteger razorChecks = new AtomicInteger();
    final AtomicInteger pyzorChecks = new AtomicInteger();
    final AtomicInteger dccReports = new AtomicInteger();
    final AtomicInteger razorReports = new AtomicInteger();
    final AtomicInteger pyzorReports = new AtomicInteger();
    final AtomicInteger razorRevokes = new AtomicInteger();
    final AtomicInteger pyzorWhitelists = new AtomicInteger();

    /** Checks seen by all three networks together. */
    int checks() {
        return dccChecks.get() + razorChecks.get() + pyzorChecks.get();
    }

    Backends backends() {
        DccBackend dcc = new DccBackend() {
            @Override
            public DccVerdict check(byte[] m, Duration b) throws Exception {
                dccChecks.incrementAndGet();
                return dccCheck.call(m, b);
            }

            @Override
            public boolean report(byte[] m, Duration b) throws Exception {
                dccReports.incrementAndGet();
                return dccReport.call(m, b);
            }
        };
        RazorBackend razor = new RazorBackend() {
            @Override
            public boolean check(byte[] m, Duration b) throws Exception {
                razorChecks.incrementAndGet();
                return razorCheck.call(m, b);
            }

            @Override
            public boolean report(byte[] m, Duration b) throws Exception {
                razorReports.incrementAndGet();
                return razorReport.call(m, b);
            }

            @Override
            public boolean revoke(byte[] m, Duration b) throws Exception {
                razorRevokes.incrementAndGet();
                return razorRevoke.call(m, b);
            }
        };
        PyzorBackend pyzor = new PyzorBackend() {
            @Override
            public PyzorCounts check(byte[] m, Duration b) throws Exception {
                pyzorChecks.incrementAndGet();
                return pyzorCheck.call(m, b);
            }

            @Override
            public boolean report(byte[] m, Duration b) throws Exception {
                pyzorReports.incrementAndGet();
                return pyzorReport.call(m, b);
            }

            @Override
            public boolean whitelist(byte[] m, Duration b) throws Exception {
                pyzorWhitelists.incrementAndGet();
                return pyzorWhitelist.call(m, b);
            }
        };
        return new Backends(dcc, razor, pyzor);
    }
}
