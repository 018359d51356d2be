package dev.spamward.drp.backend;

import dev.spamward.core.config.Config;
import dev.spamward.razor.client.Credentials;
import dev.spamward.razor.client.RazorClient;
import dev.spamward.razor.client.RazorSettings;
import dev.spamward.razor.identity.IdentityStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Razor through the in-process {@link RazorClient} (the {@code razor.*} keys; gozer's {@code RAZORHOME},
 * {@code GAZOR_DISCOVERY}, {@code RAZOR_MIN_CF}, {@code RAZOR_USER}/{@code RAZOR_PASS}[{@code _FILE}] are
 * aliases).
 *
 * <p>The identity for report and revoke is looked up on every call (so {@code spamward razor-register}
 * takes effect without a restart): {@code razor.user}/{@code razor.pass}, else the razor-agents
 * {@code identity} file in {@code razor.home}, else gozer's {@code gazor-identity} and its README's
 * {@code gozer-identity} there (spec section 10 row 4: all are read, so gozer volumes keep working).
 * Without an identity report and revoke answer {@code false} and make no network call.
 */
public final class RazorClientBackend implements RazorBackend {
    /** Identity file names tried after razor-agents' {@code identity}: gozer's code, then gozer's README. */
    public static final List<String> GOZER_IDENTITY_FILES = List.of("gazor-identity", "gozer-identity");

    private final RazorClient client;
    private final IdentitySource identity;

    /** Where report and revoke get the Razor account from. */
    @FunctionalInterface
    public interface IdentitySource {
        Optional<Credentials> get() throws IOException;
    }

    /** An adapter over an existing client. */
    public RazorClientBackend(RazorClient client, IdentitySource identity) {
        this.client = Objects.requireNonNull(client, "client");
        this.identity = Objects.requireNonNull(identity, "identity");
    }

    /** The client and identity configured from {@code razor.*}. */
    public static RazorClientBackend fromConfig(Config config) {
        Path home = RazorSettings.home(config);
        return new RazorClientBackend(RazorSettings.client(config), () -> {
            Optional<Credentials> c = RazorSettings.credentials(config);
            IdentityStore store = new IdentityStore(home);
            for (String name : GOZER_IDENTITY_FILES) {
                if (c.isPresent()) break;
                c = store.read(name);
            }
            return c;
        });
    }

    /** True when Razor says spam (logic method 4 with {@code razor.min_confidence}). */
    @Override
    public boolean check(byte[] message, Duration budget) throws Exception {
        return client.check(message).spam();
    }

    @Override
    public boolean report(byte[] message, Duration budget) throws Exception {
        Optional<Credentials> c = identity.get();
        if (c.isEmpty()) return false;
        client.report(message, c.get());
        return true;
    }

    @Override
    public boolean revoke(byte[] message, Duration budget) throws Exception {
        Optional<Credentials> c = identity.get();
        if (c.isEmpty()) return false;
        client.revoke(message, c.get());
        return true;
    }
}
