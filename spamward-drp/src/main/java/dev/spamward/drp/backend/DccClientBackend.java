package dev.spamward.drp.backend;

import dev.spamward.core.config.Config;
import dev.spamward.dcc.checksum.DccChecksummer;
import dev.spamward.dcc.client.DccClient;
import dev.spamward.dcc.client.DccResult;
import dev.spamward.dcc.proto.Targets;
import java.time.Duration;
import java.util.Objects;

/**
 * DCC through the in-process {@link DccClient} (the {@code dcc.*} keys; gozer's {@code DCC_SERVERS},
 * {@code DCC_CLIENT_ID}, {@code DCC_CLIENT_PASSWD[_FILE]} are aliases). The message is checksummed in
 * memory without envelope sender or client address, as gozer does (it only has the message).
 */
public final class DccClientBackend implements DccBackend {
    private final DccClient client;

    /** An adapter over an existing client. */
    public DccClientBackend(DccClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The client configured from {@code dcc.*}. */
    public static DccClientBackend fromConfig(Config config) {
        return new DccClientBackend(DccClient.fromConfig(config));
    }

    /**
     * REJECT becomes {@code reject} with the largest body count, ACCEPT {@code accept}, anything else
     * {@code unknown}; a {@code DccException} (no server answered, no checksum) propagates.
     */
    @Override
    public DccVerdict check(byte[] message, Duration budget) throws Exception {
        DccResult r = client.checkMessage(message, null, null);
        return switch (r.verdict()) {
            case REJECT -> DccVerdict.reject(r.bulkCount());
            case ACCEPT -> DccVerdict.accept();
            case UNKNOWN -> DccVerdict.UNKNOWN;
        };
    }

    /** Reports with the weight "many" ({@code dccproc -t many}); true once a server answered. */
    @Override
    public boolean report(byte[] message, Duration budget) throws Exception {
        client.report(DccChecksummer.compute(message, null, null), Targets.TOO_MANY, true);
        return true;
    }
}
