package dev.spamward.drp.backend;

import dev.spamward.core.config.Config;
import dev.spamward.pyzor.client.CheckResult;
import dev.spamward.pyzor.client.OpResult;
import dev.spamward.pyzor.client.PyzorClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Pyzor through the in-process {@link PyzorClient} (the {@code pyzor.*} keys; gozer's {@code PYZOR_HOME}
 * and {@code GYZOR_SERVERS} are aliases). gozer's rule: counts only when every server answered 200,
 * otherwise the network failed (0/0, counted as a backend error).
 */
public final class PyzorClientBackend implements PyzorBackend {
    private final PyzorClient client;

    /** An adapter over an existing client. */
    public PyzorClientBackend(PyzorClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The client configured from {@code pyzor.*}; bad lines of the servers/accounts files go to {@code warn}. */
    public static PyzorClientBackend fromConfig(Config config, Consumer<String> warn) {
        return new PyzorClientBackend(PyzorClient.fromConfig(config, warn));
    }

    /**
     * The maximum Count/WL-Count over the servers. A message with pyzor's empty digest is not sent
     * (pyzor does the same) and is an authoritative 0/0.
     */
    @Override
    public PyzorCounts check(byte[] message, Duration budget) throws Exception {
        CheckResult r = client.check(message);
        if (r.skipped()) return PyzorCounts.ZERO;
        if (!r.complete()) throw new BackendException("not every Pyzor server answered: " + firstProblem(r));
        return new PyzorCounts(r.count(), r.wlCount());
    }

    @Override
    public boolean report(byte[] message, Duration budget) throws Exception {
        return allOk(client.report(message));
    }

    /** White-lists the message; anonymous users get 403 from default servers, which is a failure. */
    @Override
    public boolean whitelist(byte[] message, Duration budget) throws Exception {
        return allOk(client.whitelist(message));
    }

    private static boolean allOk(OpResult r) throws BackendException {
        if (r.skipped()) return false;
        if (!r.allOk()) throw new BackendException(r.firstProblem());
        return true;
    }

    private static String firstProblem(CheckResult r) {
        return r.outcomes().stream().filter(o -> !o.ok()).map(o -> o.describe()).findFirst().orElse("?");
    }
}
