package dev.spamward.pyzor.client;

import dev.spamward.core.config.ConfigKey;
import dev.spamward.core.config.ConfigSection;
import dev.spamward.core.config.ValueType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Configuration keys of the Pyzor client (library, CLI and, later, the HTTP service). */
public final class PyzorSettings implements ConfigSection {

    public static final ConfigKey<Path> HOMEDIR = ConfigKey.of("pyzor.homedir", ValueType.path(), null,
            "Pyzor home folder with the 'servers' and 'accounts' files (default as pyzor: $HOME/.pyzor, /etc/pyzor without HOME).")
            .withEnvAliases("PYZOR_HOME");

    public static final ConfigKey<List<String>> SERVERS = ConfigKey.listOf("pyzor.servers", ValueType.of("host:port", s -> {
        dev.spamward.pyzor.account.PyzorServer.parse(s); // validated when the configuration loads
        return s;
    }), List.of(),
            "Servers as host:port; when empty, the servers file of the home folder (itself defaulting to public.pyzor.org:24441).")
            .withEnvAliases("GYZOR_SERVERS");

    public static final ConfigKey<Path> SERVERS_FILE = ConfigKey.of("pyzor.servers_file", ValueType.path(), null,
            "Servers file (default: HOMEDIR/servers).");

    public static final ConfigKey<Path> ACCOUNTS_FILE = ConfigKey.of("pyzor.accounts_file", ValueType.path(), null,
            "Accounts file, lines 'host : port : user : salt,key' (default: HOMEDIR/accounts).")
            .withEnvAliases("PYZOR_ACCOUNTS_FILE");

    public static final ConfigKey<String> USER = ConfigKey.of("pyzor.user", ValueType.string(), "",
            "Account name used for every server (with pyzor.key); overrides the accounts file when set.")
            .withEnvAliases("PYZOR_USER");

    public static final ConfigKey<String> KEY = ConfigKey.of("pyzor.key", ValueType.string(), "",
            "Account key (hex) for pyzor.user.").secret().withEnvAliases("PYZOR_KEY");

    public static final ConfigKey<Duration> TIMEOUT = ConfigKey.of("pyzor.timeout", ValueType.duration(), "5s",
            "How long to wait for each server's reply (per attempt).");

    public static final ConfigKey<Integer> RETRIES = ConfigKey.of("pyzor.retries", ValueType.integer(0, 5), "1",
            "Extra attempts after a timeout for check, info and ping (report and whitelist are never resent).");

    public static final ConfigKey<Integer> REPORT_THRESHOLD = ConfigKey.of("pyzor.report_threshold",
            ValueType.integer(0, Integer.MAX_VALUE), "0", "A check is spam when a server's Count exceeds this.");

    public static final ConfigKey<Integer> WHITELIST_THRESHOLD = ConfigKey.of("pyzor.whitelist_threshold",
            ValueType.integer(0, Integer.MAX_VALUE), "0", "A check is never spam when a server's WL-Count exceeds this.");

    public static final ConfigKey<Long> MAX_MESSAGE_SIZE = ConfigKey.of("pyzor.max_message_size", ValueType.byteSize(),
            "32MiB", "Largest message the client digests; larger input is refused.");

    public static final ConfigKey<Integer> MAX_IN_FLIGHT = ConfigKey.of("pyzor.max_in_flight", ValueType.integer(1, 65536),
            "256", "Most server requests in flight at once in one process; more wait.");

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(HOMEDIR, SERVERS, SERVERS_FILE, ACCOUNTS_FILE, USER, KEY, TIMEOUT, RETRIES, REPORT_THRESHOLD,
                WHITELIST_THRESHOLD, MAX_MESSAGE_SIZE, MAX_IN_FLIGHT);
    }
}
