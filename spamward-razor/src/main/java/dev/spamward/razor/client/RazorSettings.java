package dev.spamward.razor.client;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigKey;
import dev.spamward.core.config.ConfigSection;
import dev.spamward.core.config.ValueType;
import dev.spamward.core.io.UserDirs;
import dev.spamward.razor.identity.IdentityStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The {@code razor.*} configuration keys and how they become {@link RazorOptions} and credentials. */
public final class RazorSettings implements ConfigSection {
    private static final ValueType<ServerAddress> SERVER = ValueType.of("host[:port] (port 2703 by default)",
            ServerAddress::parse);

    public static final ConfigKey<List<ServerAddress>> DISCOVERY = ConfigKey.listOf("razor.discovery", SERVER,
            List.of(RazorOptions.DISCOVERY_HOST + ":2703"),
            "Razor discovery servers, asked for the catalogue and nomination server lists.")
            .withEnvAliases("GAZOR_DISCOVERY");
    public static final ConfigKey<List<ServerAddress>> SERVERS = ConfigKey.listOf("razor.servers", SERVER, List.of(),
            "Razor servers used for everything, bypassing discovery and DNS (e.g. 127.0.0.1:2703).");
    public static final ConfigKey<List<ServerAddress>> CATALOGUE = ConfigKey.listOf("razor.catalogue", SERVER,
            List.of(), "Catalogue servers for checks, bypassing discovery (overrides razor.servers).");
    public static final ConfigKey<List<ServerAddress>> NOMINATION = ConfigKey.listOf("razor.nomination", SERVER,
            List.of(), "Nomination servers for report, revoke and register, bypassing discovery (overrides razor.servers).");
    public static final ConfigKey<Duration> TIMEOUT = ConfigKey.of("razor.timeout", ValueType.duration(), "15s",
            "Connect timeout, and the time within which every server reply must be complete.");
    public static final ConfigKey<MinConfidence> MIN_CONFIDENCE = ConfigKey.of("razor.min_confidence",
            ValueType.of("ac, ac+N, ac-N or N (0..100)", MinConfidence::parse), "ac",
            "Minimum confidence for a known signature to count as spam (razor-agent.conf min_cf).")
            .withEnvAliases("RAZOR_MIN_CF");
    public static final ConfigKey<List<Integer>> ENGINES = ConfigKey.listOf("razor.engines",
            ValueType.of("4 or 8", s -> {
                int e = ValueType.integer(1, 32).parse(s);
                if (e != 4 && e != 8) throw new IllegalArgumentException("only engines 4 and 8 exist in Razor2 agents");
                return e;
            }), List.of("4", "8"), "Signature engines to use (razor-agent.conf use_engines).");
    public static final ConfigKey<Duration> REDISCOVERY = ConfigKey.of("razor.rediscovery", ValueType.duration(), "2d",
            "How long discovered server lists are kept.");
    public static final ConfigKey<Path> HOME = ConfigKey.of("razor.home", ValueType.path(), null,
            "Razor home with the identity file (default $RAZOR_HOME, else ~/.razor).").withEnvAliases("RAZOR_HOME", "RAZORHOME");
    public static final ConfigKey<String> USER = ConfigKey.of("razor.user", ValueType.string(), null,
            "Razor account user; with razor.pass it takes precedence over the identity file.")
            .secret().withEnvAliases("RAZOR_USER");
    public static final ConfigKey<String> PASS = ConfigKey.of("razor.pass", ValueType.string(), null,
            "Razor account password (secret; also razor.pass_file, RAZOR_PASS, RAZOR_PASS_FILE).")
            .secret().withEnvAliases("RAZOR_PASS");

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(DISCOVERY, SERVERS, CATALOGUE, NOMINATION, TIMEOUT, MIN_CONFIDENCE, ENGINES, REDISCOVERY,
                HOME, USER, PASS);
    }

    /** The client options of a configuration. */
    public static RazorOptions options(Config config) {
        List<ServerAddress> servers = config.get(SERVERS);
        List<ServerAddress> catalogue = config.get(CATALOGUE).isEmpty() ? servers : config.get(CATALOGUE);
        List<ServerAddress> nomination = config.get(NOMINATION).isEmpty() ? servers : config.get(NOMINATION);
        Set<Integer> engines = new TreeSet<>(config.get(ENGINES));
        return new RazorOptions(config.get(DISCOVERY), catalogue, nomination, config.get(TIMEOUT),
                config.get(MIN_CONFIDENCE), engines, config.get(REDISCOVERY), 64 * 1024);
    }

    /** A client configured from {@code razor.*} (for in-process callers such as the HTTP service). */
    public static RazorClient client(Config config) {
        return new RazorClient(options(config));
    }

    /** The Razor home: {@code razor.home} (or RAZOR_HOME), else {@code ~/.razor}. */
    public static Path home(Config config) {
        Path p = config.get(HOME);
        return p != null ? p : UserDirs.CURRENT.home().resolve(".razor");
    }

    /** Credentials from {@code razor.user}/{@code razor.pass}, else the identity file in the home. */
    public static Optional<Credentials> credentials(Config config) throws java.io.IOException {
        String user = config.get(USER);
        String pass = config.get(PASS);
        if (user != null && !user.isBlank() && pass != null && !pass.isBlank()) {
            return Optional.of(new Credentials(user.strip(), pass.strip()));
        }
        return new IdentityStore(home(config)).read();
    }
}
