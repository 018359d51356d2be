package dev.spamward.drp.backend;

import dev.spamward.core.config.Config;
import java.time.Duration;
import java.util.Objects;

/**
 * The three networks behind the service. {@link #fromConfig} is the one place where the real clients
 * are wired in: each adapter is one class ({@code DccClientBackend}, {@code RazorClientBackend},
 * {@code PyzorClientBackend}) constructed from the configuration. Expected mapping (client APIs as
 * they stood when this was written):
 * <ul>
 *   <li>DCC: {@code DccClient.fromConfig(config)}; check: verdict REJECT becomes
 *       {@link DccVerdict#reject(long)} with {@code DccResult.bulkCount()}, ACCEPT {@link DccVerdict#accept()},
 *       UNKNOWN {@link DccVerdict#UNKNOWN}; a {@code DccException} propagates (no server answered);
 *       report with {@code Targets.TOO_MANY}.</li>
 *   <li>Razor: {@code RazorClient} from the Razor settings; check returns {@code CheckResult.spam()};
 *       report/revoke return false without an identity (no network call).</li>
 *   <li>Pyzor: {@code PyzorClient.fromConfig(config, warn)}; check throws {@link BackendException} unless
 *       {@code CheckResult.complete()} (or skipped: then 0/0), else {@code count()}/{@code wlCount()};
 *       report/whitelist true when every server answered 200.</li>
 * </ul>
 *
 * @param dcc   the DCC network
 * @param razor the Razor network
 * @param pyzor the Pyzor network
 */
public record Backends(DccBackend dcc, RazorBackend razor, PyzorBackend pyzor) {

    public Backends {
        Objects.requireNonNull(dcc, "dcc");
        Objects.requireNonNull(razor, "razor");
        Objects.requireNonNull(pyzor, "pyzor");
    }

    /**
     * The backends for {@code spamward serve}. The adapters to the DCC, Razor and Pyzor client
     * libraries are not linked into this build yet, so every network answers "not available" (safe
     * defaults, counted as backend errors) until they are wired here.
     */
    public static Backends fromConfig(Config config) {
        Objects.requireNonNull(config, "config");
        return new Backends(new UnlinkedDcc("DCC"), new UnlinkedRazor("Razor"), new UnlinkedPyzor("Pyzor"));
    }

    /** True when at least one network is a placeholder without a real client. */
    public boolean anyUnlinked() {
        return dcc instanceof Unlinked || razor instanceof Unlinked || pyzor instanceof Unlinked;
    }

    /** Marker of a network whose client is not part of this build: every call fails (fail-open). */
    private sealed interface Unlinked permits UnlinkedDcc, UnlinkedRazor, UnlinkedPyzor {
        String name();

        default BackendException fail() {
            return new BackendException(name() + " client not linked into this build");
        }
    }

    private record UnlinkedDcc(String name) implements DccBackend, Unlinked {
        @Override
        public DccVerdict check(byte[] message, Duration budget) throws BackendException {
            throw fail();
        }

        @Override
        public boolean report(byte[] message, Duration budget) throws BackendException {
            throw fail();
        }
    }

    private record UnlinkedRazor(String name) implements RazorBackend, Unlinked {
        @Override
        public boolean check(byte[] message, Duration budget) throws BackendException {
            throw fail();
        }

        @Override
        public boolean report(byte[] message, Duration budget) throws BackendException {
            throw fail();
        }

        @Override
        public boolean revoke(byte[] message, Duration budget) throws BackendException {
            throw fail();
        }
    }

    private record UnlinkedPyzor(String name) implements PyzorBackend, Unlinked {
        @Override
        public PyzorCounts check(byte[] message, Duration budget) throws BackendException {
            throw fail();
        }

        @Override
        public boolean report(byte[] message, Duration budget) throws BackendException {
            throw fail();
        }

        @Override
        public boolean whitelist(byte[] message, Duration budget) throws BackendException {
            throw fail();
        }
    }
}
