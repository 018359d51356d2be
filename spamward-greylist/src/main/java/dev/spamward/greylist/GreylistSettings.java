package dev.spamward.greylist;

import dev.spamward.core.config.ConfigKey;
import dev.spamward.core.config.ConfigSection;
import dev.spamward.core.config.ValueType;
import dev.spamward.core.io.UserDirs;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Configuration keys of the greylisting server. Keys are named {@code greylist.<grossd option>} where they
 * mean what the grossd option means, so a grossd.conf translates line by line (README section
 * "grossd.conf mapping" in ARCHITECTURE.md).
 */
public final class GreylistSettings implements ConfigSection {

    /** Replication wire formats. */
    public enum SyncProtocol { SPAMWARD, GROSSD }

    /** What is inserted into the filter (grossd {@code update}). */
    public enum Update { GREY, ALWAYS }

    private static final ValueType<InetSocketAddress> ADDR = ValueType.socketAddress("127.0.0.1");

    public static final ConfigKey<Boolean> POLICY_ENABLED = ConfigKey.of("greylist.policy.enabled", ValueType.bool(), "true",
            "Serve the Postfix policy delegation protocol (grossd protocol = postfix).");
    public static final ConfigKey<InetSocketAddress> POLICY_LISTEN = ConfigKey.of("greylist.policy.listen", ADDR,
            "127.0.0.1:5525", "TCP address of the policy service (grossd host:port).");
    public static final ConfigKey<Boolean> SJSMS_ENABLED = ConfigKey.of("greylist.sjsms.enabled", ValueType.bool(), "true",
            "Serve grossd's sjsms UDP protocol (grossd protocol = sjsms).");
    public static final ConfigKey<InetSocketAddress> SJSMS_LISTEN = ConfigKey.of("greylist.sjsms.listen", ADDR,
            "127.0.0.1:5525", "UDP address of the sjsms service (grossd host:port).");
    public static final ConfigKey<Boolean> MILTER_ENABLED = ConfigKey.of("greylist.milter.enabled", ValueType.bool(), "true",
            "Serve the milter protocol (grossd protocol = milter).");
    public static final ConfigKey<InetSocketAddress> MILTER_LISTEN = ConfigKey.of("greylist.milter.listen", ADDR,
            "127.0.0.1:5523", "TCP address of the milter (grossd milter_listen inet:PORT@HOST).");

    public static final ConfigKey<java.nio.file.Path> POLICY_SOCKET = ConfigKey.of("greylist.policy.socket", ValueType.path(), null,
            "Also serve the policy protocol on this unix-domain socket (Postfix check_policy_service unix:PATH); unset = TCP only.");
    public static final ConfigKey<java.nio.file.Path> MILTER_SOCKET = ConfigKey.of("greylist.milter.socket", ValueType.path(), null,
            "Also serve the milter on this unix-domain socket (Postfix smtpd_milters = unix:PATH); unset = TCP only.");
    public static final ConfigKey<String> SOCKET_MODE = ConfigKey.of("greylist.socket_mode", ValueType.of("octal mode", m -> {
        dev.spamward.greylist.net.UnixListener.checkMode(m);
        return m;
    }), "0660", "Permissions of the unix-domain socket files (the MTA's user needs read and write).");

    public static final ConfigKey<Integer> FILTER_BITS = ConfigKey.of("greylist.filter_bits", ValueType.integer(5, 32), "24",
            "Each Bloom filter has 2^bits bits.");
    public static final ConfigKey<Integer> NUMBER_BUFFERS = ConfigKey.of("greylist.number_buffers", ValueType.integer(2, 64), "8",
            "Filters in the rotating ring; an entry lives (N-1)..N rotate intervals after its last insert.");
    public static final ConfigKey<Duration> ROTATE_INTERVAL = ConfigKey.of("greylist.rotate_interval", ValueType.duration(), "1h",
            "Time between rotations.");
    /** Default state file: under the user's XDG state folder, so that state survives restarts with no configuration. */
    static final String DEFAULT_STATEFILE = defaultStatefile();

    public static final ConfigKey<Path> STATEFILE = ConfigKey.of("greylist.statefile", ValueType.path(), DEFAULT_STATEFILE,
            "State file (Spamward format, written atomically; its folder is created). Default: "
                    + "$XDG_STATE_HOME/spamward/greylist.state, else ~/.local/state/spamward/greylist.state.");
    public static final ConfigKey<Duration> STATE_SAVE_INTERVAL = ConfigKey.of("greylist.state_save_interval", ValueType.duration(), "5m",
            "How often the state file is written (also on shutdown).");
    public static final ConfigKey<Update> UPDATE = ConfigKey.of("greylist.update", ValueType.enumeration(Update.class), "grey",
            "grey: insert on GREY or MATCH; always: on every answer.");
    public static final ConfigKey<Integer> GREY_MASK = ConfigKey.of("greylist.grey_mask", ValueType.integer(0, 32), "24",
            "IPv4 prefix kept in the triplet; 0 ignores the client address.");
    public static final ConfigKey<Integer> GREY_MASK6 = ConfigKey.of("greylist.grey_mask6", ValueType.integer(0, 128), "64",
            "IPv6 prefix kept in the triplet; 0 ignores the client address.");
    public static final ConfigKey<Boolean> LOWERCASE_LOCAL_PART = ConfigKey.of("greylist.lowercase_local_part", ValueType.bool(), "true",
            "Lower-case the local part of addresses too (domains always are).");
    public static final ConfigKey<Duration> GREY_DELAY = ConfigKey.of("greylist.grey_delay", ValueType.duration(), "10s",
            "Minimum time before a retry passes (delayed insert).");
    public static final ConfigKey<Duration> RETRY_WINDOW = ConfigKey.of("greylist.retry_window", ValueType.duration(), "0s",
            "0 = grossd's delayed insert. Else a retry passes only between grey_delay and this long after the first"
                    + " attempt (postgrey: 2d), and only triplets that retried enter the filter.");
    public static final ConfigKey<Integer> DELAY_QUEUE_MAX = ConfigKey.of("greylist.delay_queue_max", ValueType.integer(1, 1 << 24),
            "262144", "Pending delayed inserts kept at most (40 bytes each); beyond, new ones are dropped and counted.");
    public static final ConfigKey<Duration> QUERY_TIMELIMIT = ConfigKey.of("greylist.query_timelimit", ValueType.duration(), "5000ms",
            "How long a query waits for check results; then it is answered with what is known.");

    public static final ConfigKey<List<String>> CHECK = ConfigKey.listOf("greylist.check",
            ValueType.of("dnsbl|dnswl|rhsbl|reverse|helo|spf", s -> switch (s) {
                case "dnsbl", "dnswl", "rhsbl", "reverse", "helo", "spf" -> s;
                default -> throw new IllegalArgumentException("unknown check (known: dnsbl, dnswl, rhsbl, reverse, helo, spf)");
            }), List.of(), "Checks to run (repeatable); none = plain greylisting of every triplet.");
    public static final ConfigKey<List<String>> DNSBL = ConfigKey.listOf("greylist.dnsbl", ValueType.nonEmpty(), List.of(),
            "IP block list: zone[;weight[;codes]], codes = comma list of accepted answers like 127.0.0.2 or 127.0.0.2-127.0.0.11.");
    public static final ConfigKey<List<String>> RHSBL = ConfigKey.listOf("greylist.rhsbl", ValueType.nonEmpty(), List.of(),
            "Sender-domain block list: zone[;weight[;codes]].");
    public static final ConfigKey<List<String>> DNSWL = ConfigKey.listOf("greylist.dnswl", ValueType.nonEmpty(), List.of(),
            "IP allow list: zone[;;codes]; a listed client is trusted.");
    public static final ConfigKey<Integer> REVERSE_WEIGHT = ConfigKey.of("greylist.reverse_weight", ValueType.integer(0, 100), "1",
            "Weight when the client has no PTR or it is not forward-confirmed.");
    public static final ConfigKey<Integer> GENERIC_PTR_WEIGHT = ConfigKey.of("greylist.generic_ptr_weight", ValueType.integer(0, 100), "1",
            "Weight when the client's PTR looks generic (dynamic pools: address digits, dsl, dhcp, pool, ...).");
    public static final ConfigKey<Integer> HELO_WEIGHT = ConfigKey.of("greylist.helo_weight", ValueType.integer(0, 100), "1",
            "Weight when the HELO name does not resolve, or resolves but not to the client.");
    public static final ConfigKey<Integer> HELO_INVALID_WEIGHT = ConfigKey.of("greylist.helo_invalid_weight", ValueType.integer(0, 100), "2",
            "Weight when the HELO is an IP literal or not a host name.");
    public static final ConfigKey<Integer> SPF_SOFTFAIL_WEIGHT = ConfigKey.of("greylist.spf_softfail_weight", ValueType.integer(0, 100), "1",
            "Weight of an SPF softfail.");
    public static final ConfigKey<Integer> SPF_FAIL_WEIGHT = ConfigKey.of("greylist.spf_fail_weight", ValueType.integer(-1, 100), "-1",
            "Weight of an SPF fail; -1 blocks outright with the SPF explanation (as grossd).");
    public static final ConfigKey<Integer> GREY_THRESHOLD = ConfigKey.of("greylist.grey_threshold", ValueType.integer(0, 1000), "1",
            "Summed weight from which a client is greylisted; 0 greylists everything.");
    public static final ConfigKey<Integer> BLOCK_THRESHOLD = ConfigKey.of("greylist.block_threshold", ValueType.integer(0, 1000), "0",
            "Summed weight from which a client is rejected; 0 = never.");
    public static final ConfigKey<List<InetSocketAddress>> DNS_SERVERS = ConfigKey.listOf("greylist.dns_servers",
            ValueType.socketAddress("127.0.0.1"), List.of(), "DNS servers for checks (host:port); empty = /etc/resolv.conf.");

    public static final ConfigKey<String> GREY_REASON = ConfigKey.of("greylist.grey_reason", ValueType.nonEmpty(),
            "Please try again later", "Text for %reason% of a GREY answer.");
    public static final ConfigKey<String> BLOCK_REASON = ConfigKey.of("greylist.block_reason", ValueType.nonEmpty(),
            "Bad reputation", "Text for %reason% of a threshold BLOCK.");
    public static final ConfigKey<String> POSTFIX_RESPONSE_GREY = ConfigKey.of("greylist.postfix_response_grey", ValueType.nonEmpty(),
            "action=DEFER_IF_PERMIT %reason%", "Policy answer for GREY.");
    public static final ConfigKey<String> POSTFIX_RESPONSE_BLOCK = ConfigKey.of("greylist.postfix_response_block", ValueType.nonEmpty(),
            "action=REJECT %reason%", "Policy answer for BLOCK.");
    public static final ConfigKey<String> POSTFIX_RESPONSE_OK = ConfigKey.of("greylist.postfix_response_ok", ValueType.nonEmpty(),
            "action=DUNNO", "Policy answer for TRUST and MATCH.");
    public static final ConfigKey<Boolean> PREPEND_HEADER = ConfigKey.of("greylist.prepend_header", ValueType.bool(), "false",
            "Answer a MATCH with action=PREPEND X-Greylist: ... instead of the OK answer.");
    public static final ConfigKey<String> POSTFIX_RESPONSE_ERROR = ConfigKey.of("greylist.postfix_response_error", ValueType.nonEmpty(),
            "action=DUNNO", "Policy answer for malformed requests, internal errors and overload (fail open).");
    public static final ConfigKey<String> SJSMS_RESPONSE_GREY = ConfigKey.of("greylist.sjsms_response_grey", ValueType.nonEmpty(),
            "$X4.4.3|$N%reason%", "sjsms answer text for GREY (spaces in the reason become '$ ').");
    public static final ConfigKey<String> SJSMS_RESPONSE_MATCH = ConfigKey.of("greylist.sjsms_response_match", ValueType.nonEmpty(),
            "$Y", "sjsms answer text for MATCH.");
    public static final ConfigKey<String> SJSMS_RESPONSE_TRUST = ConfigKey.of("greylist.sjsms_response_trust", ValueType.nonEmpty(),
            "$Y", "sjsms answer text for TRUST.");
    public static final ConfigKey<String> SJSMS_RESPONSE_BLOCK = ConfigKey.of("greylist.sjsms_response_block", ValueType.nonEmpty(),
            "$N%reason%", "sjsms answer text for BLOCK.");
    public static final ConfigKey<String> MILTER_REPLY_GREY = ConfigKey.of("greylist.milter_reply_grey", ValueType.nonEmpty(),
            "452 4.4.3", "SMTP code and enhanced code the milter uses for GREY.");
    public static final ConfigKey<String> MILTER_REPLY_BLOCK = ConfigKey.of("greylist.milter_reply_block", ValueType.nonEmpty(),
            "550 5.7.1", "SMTP code and enhanced code the milter uses for BLOCK.");

    public static final ConfigKey<List<String>> WHITELIST_CLIENT = ConfigKey.listOf("greylist.whitelist_client", ValueType.nonEmpty(),
            List.of(), "Client addresses or networks (CIDR) never greylisted.");
    public static final ConfigKey<List<String>> WHITELIST_CLIENT_NAME = ConfigKey.listOf("greylist.whitelist_client_name",
            ValueType.nonEmpty(), List.of(), "Client host names never greylisted: 'example.com' matches it and its subdomains; /regex/ too.");
    public static final ConfigKey<List<String>> WHITELIST_SENDER = ConfigKey.listOf("greylist.whitelist_sender", ValueType.nonEmpty(),
            List.of(), "Sender patterns: user@domain, @domain (and subdomains), /regex/.");
    public static final ConfigKey<List<String>> WHITELIST_RECIPIENT = ConfigKey.listOf("greylist.whitelist_recipient",
            ValueType.nonEmpty(), List.of(), "Recipient patterns (postmaster@, abuse@ ...): user@domain, user@, @domain, /regex/.");
    public static final ConfigKey<Boolean> WHITELIST_POOLS = ConfigKey.of("greylist.whitelist_pools", ValueType.bool(), "true",
            "Trust the shipped list of large sender pools that retry from many addresses (postgrey's whitelist_clients).");
    public static final ConfigKey<Integer> AUTO_WHITELIST = ConfigKey.of("greylist.auto_whitelist", ValueType.integer(0, 1000), "0",
            "Trust a client network after this many passed retries (0 = off).");
    public static final ConfigKey<Boolean> SKIP_AUTHENTICATED = ConfigKey.of("greylist.skip_authenticated", ValueType.bool(), "true",
            "Never greylist SASL-authenticated clients (sasl_username set).");

    public static final ConfigKey<Boolean> QUERY_LOG = ConfigKey.of("greylist.query_log", ValueType.bool(), "true",
            "Log one line per query (grossd's a=... c=... s=... r=... format) at info level.");
    public static final ConfigKey<Integer> MAX_CONNECTIONS = ConfigKey.of("greylist.max_connections", ValueType.integer(1, 1_000_000),
            "1000", "Open connections served at most by each policy/milter listener; further ones are closed at once (Postfix "
                    + "holds one per smtpd process, 100 by default).");
    public static final ConfigKey<Integer> MAX_INFLIGHT = ConfigKey.of("greylist.max_inflight", ValueType.integer(1, 1_000_000), "1024",
            "Queries decided at once at most; beyond, the error answer (fail open) is given and counted.");
    public static final ConfigKey<Long> MAX_REQUEST = ConfigKey.of("greylist.max_request", ValueType.byteSize(), "16KiB",
            "Largest policy request (all lines; Postfix sends 1-3 KB) or milter packet (at least 64 KiB, the protocol's chunk); "
                    + "beyond, the error answer is sent and the connection closed.");
    public static final ConfigKey<Duration> IDLE_TIMEOUT = ConfigKey.of("greylist.idle_timeout", ValueType.duration(), "330s",
            "Idle time after which a policy/milter connection is closed (Postfix keeps them 300 s).");


    public static final ConfigKey<InetSocketAddress> SYNC_PEER = ConfigKey.of("greylist.sync_peer", ADDR, null,
            "Replication peer host:port (grossd sync_peer and sync_port); unset = no replication.");
    public static final ConfigKey<InetSocketAddress> SYNC_LISTEN = ConfigKey.of("greylist.sync_listen", ADDR, "127.0.0.1:5524",
            "Replication listen address (grossd sync_listen and sync_port); used only when sync_peer is set.");
    public static final ConfigKey<SyncProtocol> SYNC_PROTOCOL = ConfigKey.of("greylist.sync_protocol",
            ValueType.enumeration(SyncProtocol.class), "spamward",
            "Replication wire format: spamward (two-way, reconnecting, HMAC) or grossd (a grossd 1.0.x peer).");
    public static final ConfigKey<String> SYNC_SECRET = ConfigKey.of("greylist.sync_secret", ValueType.string(), null,
            "Shared secret both replication peers prove with HMAC-SHA-256; unset = only the peer's address is checked.").secret();

    @Override
    public List<ConfigKey<?>> keys() {
        return List.of(POLICY_ENABLED, POLICY_LISTEN, POLICY_SOCKET, SJSMS_ENABLED, SJSMS_LISTEN, MILTER_ENABLED, MILTER_LISTEN, MILTER_SOCKET, SOCKET_MODE,
                FILTER_BITS, NUMBER_BUFFERS, ROTATE_INTERVAL, STATEFILE, STATE_SAVE_INTERVAL, UPDATE, GREY_MASK, GREY_MASK6,
                LOWERCASE_LOCAL_PART, GREY_DELAY, RETRY_WINDOW, DELAY_QUEUE_MAX, QUERY_TIMELIMIT, CHECK, DNSBL, RHSBL, DNSWL,
                REVERSE_WEIGHT, GENERIC_PTR_WEIGHT, HELO_WEIGHT, HELO_INVALID_WEIGHT, SPF_SOFTFAIL_WEIGHT, SPF_FAIL_WEIGHT,
                GREY_THRESHOLD, BLOCK_THRESHOLD, DNS_SERVERS, GREY_REASON, BLOCK_REASON, POSTFIX_RESPONSE_GREY,
                POSTFIX_RESPONSE_BLOCK, POSTFIX_RESPONSE_OK, PREPEND_HEADER, POSTFIX_RESPONSE_ERROR, SJSMS_RESPONSE_GREY,
                SJSMS_RESPONSE_MATCH, SJSMS_RESPONSE_TRUST, SJSMS_RESPONSE_BLOCK, MILTER_REPLY_GREY, MILTER_REPLY_BLOCK,
                WHITELIST_CLIENT, WHITELIST_CLIENT_NAME, WHITELIST_SENDER, WHITELIST_RECIPIENT, WHITELIST_POOLS,
                AUTO_WHITELIST, SKIP_AUTHENTICATED, QUERY_LOG, MAX_CONNECTIONS, MAX_INFLIGHT, MAX_REQUEST, IDLE_TIMEOUT, SYNC_PEER, SYNC_LISTEN, SYNC_PROTOCOL, SYNC_SECRET);
    }

    private static String defaultStatefile() {
        return UserDirs.CURRENT.stateHome().resolve("spamward").resolve("greylist.state").toString();
    }
}
