package dev.spamward.dcc.client;

import dev.spamward.core.config.ConfigKey;
import dev.spamward.core.config.ConfigSection;
import dev.spamward.core.config.ValueType;
import dev.spamward.dcc.proto.Targets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Configuration keys of the DCC client ({@code dcc.*}). */
public final class DccSettings implements ConfigSection {

    /** A count such as {@code 10} or {@code many}. */
    static final ValueType<Integer> COUNT = ValueType.of("a count 0..16777200 or 'many'", Targets::parse);

    public static final ConfigKey<List<ServerAddress>> SERVERS = ConfigKey.listOf("dcc.servers",
            ValueType.of("host[:port], [v6addr]:port", ServerAddress::parse),
            List.of("dcc1.dcc-servers.net", "dcc2.dcc-servers.net", "dcc3.dcc-servers.net",
                    "dcc4.dcc-servers.net", "dcc5.dcc-servers.net"),
            "DCC servers (UDP, default port 6277). The public pool is meant for under 100,000 messages a day.")
            .withEnvAliases("DCC_SERVERS");

    public static final ConfigKey<List<String>> RESOLVE = ConfigKey.listOf("dcc.resolve",
            ValueType.of("host=address", DccSettings::checkOverride), List.of(),
            "DNS bypass: use this address for a server host name instead of resolving it.");

    public static final ConfigKey<Duration> TIMEOUT = ConfigKey.of("dcc.timeout", ValueType.duration(), "5s",
            "Total time for one query or report, all servers and retransmissions included.");

    public static final ConfigKey<Integer> TRANSMISSIONS = ConfigKey.of("dcc.transmissions",
            ValueType.integer(1, 8), "4", "Transmissions of a request to one server before trying the next.");

    public static final ConfigKey<Integer> CLIENT_ID = ConfigKey.of("dcc.client_id",
            ValueType.integer(1, Integer.MAX_VALUE), null,
            "DCC client id issued by the server operator (1 = anonymous). Unset: from the ids file, else anonymous.")
            .withEnvAliases("DCC_CLIENT_ID");

    public static final ConfigKey<String> CLIENT_PASSWD = ConfigKey.of("dcc.client_passwd", ValueType.string(), null,
            "Password of dcc.client_id (at most 32 bytes).").secret().withEnvAliases("DCC_CLIENT_PASSWD");

    public static final ConfigKey<Path> IDS_FILE = ConfigKey.of("dcc.ids_file", ValueType.path(), null,
            "DCC ids file (lines 'id[,options] passwd1 [passwd2]'); written by 'spamward dcc register'."
                    + " Unset: $XDG_CONFIG_HOME/spamward/dcc-ids (~/.config/spamward/dcc-ids), then /var/dcc/ids.")
            .withEnvAliases("DCC_IDS");

    public static final ConfigKey<Integer> REJECT_THRESHOLD = ConfigKey.of("dcc.reject_threshold", COUNT, "many",
            "A message is bulk (verdict reject) when a body checksum (Body, Fuz1, Fuz2) has this count or more.");

    public static final ConfigKey<Integer> REPORT_TARGETS = ConfigKey.of("dcc.report_targets", COUNT, "1",
            "Recipients a report counts for (dccproc -t).");

    public static final ConfigKey<Long> MAX_MESSAGE = ConfigKey.of("dcc.max_message_size", ValueType.byteSize(),
            "32M", "Largest message the DCC client reads; larger input is refused.");

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(SERVERS, RESOLVE, TIMEOUT, TRANSMISSIONS, CLIENT_ID, CLIENT_PASSWD, IDS_FILE,
                REJECT_THRESHOLD, REPORT_TARGETS, MAX_MESSAGE);
    }

    private static String checkOverride(String s) {
        int eq = s.indexOf('=');
        if (eq <= 0 || eq == s.length() - 1) throw new IllegalArgumentException("want host=address");
        ServerAddress.literal(s.substring(eq + 1).trim());
        return s;
    }
}
