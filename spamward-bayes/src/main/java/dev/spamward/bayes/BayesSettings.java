package dev.spamward.bayes;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigKey;
import dev.spamward.core.config.ConfigSection;
import dev.spamward.core.config.ValueType;
import dev.spamward.core.io.UserDirs;
import java.nio.file.Path;
import java.util.List;

/** Configuration keys of the Bayes classifier ({@code bayes.*}). */
public final class BayesSettings implements ConfigSection {

    public static final ConfigKey<Path> DB = ConfigKey.of("bayes.db", ValueType.path(), null,
            "Token database directory (LMDB). Default: $XDG_DATA_HOME/spamward/bayes, else ~/.local/share/spamward/bayes.");

    public static final ConfigKey<Double> SPAM_CUTOFF = ConfigKey.of("bayes.spam_cutoff", ValueType.decimal(0, 1), "0.5",
            "Scores at or above this are spam. With bayes.unsure, raise it (e.g. 0.9) so that the band between the cut-offs is unsure.");

    public static final ConfigKey<Double> HAM_CUTOFF = ConfigKey.of("bayes.ham_cutoff", ValueType.decimal(0, 1), "0.2",
            "With bayes.unsure: scores at or below this are ham, between the cut-offs unsure.");

    public static final ConfigKey<Boolean> UNSURE = ConfigKey.of("bayes.unsure", ValueType.bool(), "false",
            "Report 'unsure' (exit 12) between the ham and spam cut-offs; off: everything below the spam cut-off is ham.");

    public static final ConfigKey<Integer> MIN_LEARNED = ConfigKey.of("bayes.min_learned", ValueType.integer(1, 1_000_000), "1",
            "Messages each class must have learned before scores other than 0.5 are given.");

    public static final ConfigKey<Double> ROBINSON_S = ConfigKey.of("bayes.robinson_s", ValueType.decimal(0.0001, 100), "1.0",
            "Robinson's s: how strongly rare tokens are pulled towards robinson_x.");

    public static final ConfigKey<Double> ROBINSON_X = ConfigKey.of("bayes.robinson_x", ValueType.decimal(0.01, 0.99), "0.5",
            "Robinson's x: the probability assumed for a token with no history.");

    public static final ConfigKey<Double> MIN_DEV = ConfigKey.of("bayes.min_dev", ValueType.decimal(0, 0.49), "0.25",
            "Tokens whose probability is closer than this to 0.5 are ignored.");

    public static final ConfigKey<Integer> MAX_TOKENS = ConfigKey.of("bayes.max_tokens", ValueType.integer(0, 100_000), "150",
            "Most significant tokens combined per message while training is small (0: all).");

    public static final ConfigKey<Integer> MIN_TOKENS = ConfigKey.of("bayes.min_tokens", ValueType.integer(1, 100_000), "27",
            "Fewest significant tokens combined per message once training is large.");

    public static final ConfigKey<Double> TOKEN_BUDGET = ConfigKey.of("bayes.token_budget", ValueType.decimal(0, 1e9), "15000",
            "Tokens combined = token_budget / messages learned in the smaller class, kept within min_tokens..max_tokens; 0: always max_tokens.");

    public static final ConfigKey<Integer> EXPLAIN = ConfigKey.of("bayes.explain", ValueType.integer(0, 1000), "10",
            "Tokens listed by --explain and the HTTP answer.");

    public static final ConfigKey<Long> MAP_SIZE = ConfigKey.of("bayes.map_size", ValueType.byteSize(), "256MiB",
            "Initial LMDB map size (grows by doubling when full).");

    public static final ConfigKey<Boolean> SYNC = ConfigKey.of("bayes.sync", ValueType.bool(), "false",
            "fsync after every learned message (always at the end of a learn run; a killed process never loses a commit either way).");

    public static final ConfigKey<java.time.Duration> LOCK_TIMEOUT = ConfigKey.of("bayes.lock_timeout", ValueType.duration(), "30s",
            "How long learning waits for another process's learning to finish before failing with 'database is busy'.");

    public static final ConfigKey<Boolean> HTTP_ENABLED = ConfigKey.of("bayes.http_enabled", ValueType.bool(), "true",
            "spamward serve: offer POST /bayes/check, /bayes/learn, /bayes/unlearn and GET /bayes/stats on the HTTP endpoint.");

    public static final ConfigKey<String> API_TOKEN = ConfigKey.of("bayes.api_token", ValueType.nonEmpty(), null,
            "Bearer token required by /bayes/learn and /bayes/unlearn (unset: learning over HTTP is refused).").secret();

    public static final ConfigKey<Long> MAX_MESSAGE_SIZE = ConfigKey.of("bayes.max_message_size", ValueType.byteSize(), "2MiB",
            "Only the first this many bytes of a message are classified or learned (headers and text come first, and the "
                    + "tokenizer stops at 20,000 tokens anyway); bounds the memory a message takes while parsed (about 7x this).");

    public static final ConfigKey<Integer> MAX_CONCURRENT = ConfigKey.of("bayes.max_concurrent", ValueType.integer(1, 1024), "4",
            "spamward serve: messages classified or learned over HTTP at once; more wait up to 5 s, then get 503 with Retry-After.");

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(DB, SPAM_CUTOFF, HAM_CUTOFF, UNSURE, MIN_LEARNED, ROBINSON_S, ROBINSON_X, MIN_DEV, MAX_TOKENS, MIN_TOKENS, TOKEN_BUDGET,
                EXPLAIN, MAP_SIZE, SYNC, LOCK_TIMEOUT, HTTP_ENABLED, API_TOKEN, MAX_MESSAGE_SIZE, MAX_CONCURRENT);
    }

    /** The database directory: {@code override}, else {@code bayes.db}, else the XDG data directory. */
    public static Path databasePath(Config config, Path override) {
        if (override != null) return override;
        Path p = config.get(DB);
        if (p != null) return p;
        return UserDirs.CURRENT.dataHome().resolve("spamward").resolve("bayes");
    }
}
