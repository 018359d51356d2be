package dev.spamward.dcc.cli;

import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.Config;
import dev.spamward.dcc.client.DccClient;
import java.io.UncheckedIOException;

/** Builds the client from the configuration, turning configuration problems into one-line errors. */
final class Clients {
    private Clients() {
    }

    static DccClient create(Config config) {
        try {
            return DccClient.fromConfig(config);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new UserException("DCC configuration: " + e.getMessage(), 2);
        }
    }
}
