package dev.spamward.drp.backend;

import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.Config;
import dev.spamward.core.io.IoErrors;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The three networks behind the service. {@link #fromConfig} wires the real clients, one adapter class
 * each, constructed from the configuration:
 * <ul>
 *   <li>{@link DccClientBackend}: {@code DccClient} from {@code dcc.*}; check: REJECT becomes
 *       {@link DccVerdict#reject(long)} with {@code DccResult.bulkCount()}, ACCEPT {@link DccVerdict#accept()},
 *       UNKNOWN {@link DccVerdict#UNKNOWN}; a {@code DccException} propagates (no server answered);
 *       report with the weight "many" ({@code Targets.TOO_MANY}).</li>
 *   <li>{@link RazorClientBackend}: {@code RazorClient} from {@code razor.*}; check returns
 *       {@code CheckResult.spam()}; report/revoke return false without an identity (no network call).</li>
 *   <li>{@link PyzorClientBackend}: {@code PyzorClient} from {@code pyzor.*}; check throws
 *       {@link BackendException} unless every server answered (an empty digest is an authoritative 0/0),
 *       else the maximum counts; report/whitelist true when every server answered 200.</li>
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
     * The real clients for {@code spamward serve}.
     *
     * @param warn receives one line per skipped bad line of the Pyzor servers/accounts files
     * @throws UserException (exit 2) when a client cannot be configured (bad ids file, unreadable files)
     */
    public static Backends fromConfig(Config config, Consumer<String> warn) {
        Objects.requireNonNull(config, "config");
        DccBackend dcc = build("DCC (dcc.*)", () -> DccClientBackend.fromConfig(config));
        RazorBackend razor = build("Razor (razor.*)", () -> RazorClientBackend.fromConfig(config));
        PyzorBackend pyzor = build("Pyzor (pyzor.*)", () -> PyzorClientBackend.fromConfig(config, warn));
        return new Backends(dcc, razor, pyzor);
    }

    private static <T> T build(String what, java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (java.io.UncheckedIOException e) { // an ids/servers/accounts/identity file that cannot be read
            throw new UserException("cannot configure the " + what + " client: " + IoErrors.describe(e.getCause())
                    + " (this process runs as " + System.getProperty("user.name") + ")", 2);
        } catch (RuntimeException e) {
            throw new UserException("cannot configure the " + what + " client: " + e.getMessage(), 2);
        }
    }
}
