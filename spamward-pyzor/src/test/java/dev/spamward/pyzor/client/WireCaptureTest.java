package dev.spamward.pyzor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.pyzor.account.PyzorAccount;
import dev.spamward.pyzor.account.PyzorFiles;
import dev.spamward.pyzor.account.PyzorKeys;
import dev.spamward.pyzor.account.PyzorServer;
import dev.spamward.pyzor.protocol.PyzorOp;
import dev.spamward.pyzor.protocol.PyzorResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 14 exchanges captured between the real pyzor 1.0.0 client and pyzord (vectors/wire/pyzor): with the
 * captured thread and time fixed, our request bytes (signature included) equal pyzor's, and the captured
 * replies parse to the same codes and counts.
 */
class WireCaptureTest {
    static final String ALICE_KEY = "cfec9a38fb93085470dcf13e35e242f5d9d4a4a6";
    static final String ALICE_SALT = "894c9466a2b5e889a225ba0a40cf9d4ddcb81b44";
    private static final Pattern SENT = Pattern.compile("DEBUG sending: '(.*)'$", Pattern.MULTILINE);
    private static final Pattern RECEIVED = Pattern.compile("DEBUG received: b'(.*)'/\\(", Pattern.MULTILINE);
    private static final PyzorServer SERVER = new PyzorServer("127.0.0.1", 24441);

    record Capture(String name, String sent, String received) {
        @Override
        public String toString() {
            return name;
        }

        String header(String name) {
            Matcher m = Pattern.compile("^" + name + ": (.*)$", Pattern.MULTILINE).matcher(sent);
            return m.find() ? m.group(1) : null;
        }
    }

    static Stream<Capture> captures() throws IOException {
        List<Capture> out = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            String prefix = String.format(Locale.ROOT, "%02d-", i);
            String name = List.of("01-anon-ping", "02-anon-check-before", "03-anon-report", "04-anon-check-after",
                    "05-anon-info", "06-anon-whitelist-denied", "07-auth-ping", "08-auth-check", "09-auth-report",
                    "10-auth-info", "11-auth-whitelist", "12-auth-check-after-whitelist", "13-auth-info-after-whitelist",
                    "14-badkey-check").get(i - 1);
            assertThat(name).startsWith(prefix);
            String text = resource(name + ".txt");
            Matcher s = SENT.matcher(text);
            Matcher r = RECEIVED.matcher(text);
            assertThat(s.find()).as(name).isTrue();
            assertThat(r.find()).as(name).isTrue();
            out.add(new Capture(name, unescape(s.group(1)), unescape(r.group(1))));
        }
        return out.stream();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = WireCaptureTest.class.getResourceAsStream("/dev/spamward/pyzor/wire/" + name)) {
            if (in == null) throw new IOException("missing " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Undoes Python's repr escaping of the logged datagrams. */
    static String unescape(String s) {
        return s.replace("\\n", "\n").replace("\\'", "'").replace("\\\\", "\\");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void requestBytesEqualPyzor(Capture c) {
        String user = c.header("User");
        PyzorAccount account = switch (user) {
            case "anonymous" -> PyzorAccount.ANONYMOUS;
            case "alice" -> new PyzorAccount("alice", ALICE_SALT, c.name().contains("badkey") ? "0".repeat(40) : ALICE_KEY);
            default -> throw new AssertionError(user);
        };
        PyzorClient client = PyzorClient.builder().servers(List.of(SERVER)).accounts(Map.of(SERVER, account)).build();
        PyzorOp op = PyzorOp.valueOf(c.header("Op").toUpperCase(Locale.ROOT));
        List<String> digests = op.hasDigests() ? List.of(c.header("Op-Digest")) : List.of();
        byte[] ours = client.request(SERVER, op, digests, Integer.parseInt(c.header("Thread")),
                Long.parseLong(c.header("Time"))).encode();
        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(c.sent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void repliesParse(Capture c) throws Exception {
        byte[] raw = c.received().getBytes(StandardCharsets.ISO_8859_1);
        PyzorResponse r = PyzorResponse.parse(raw, raw.length);
        assertThat(r.thread()).isEqualTo(Integer.parseInt(c.header("Thread")));
        assertThat(r.version()).isEqualTo("2.1");
        int expected = c.name().contains("denied") ? 403 : c.name().contains("badkey") ? 401 : 200;
        assertThat(r.code()).isEqualTo(expected);
        if (expected == 401) {
            assertThat(r.headTuple()).isEqualTo("(401, 'Unauthorized: Signature Error: Invalid signature.')");
        }
        if (c.name().equals("12-auth-check-after-whitelist")) {
            assertThat(r.count()).hasValue(2);
            assertThat(r.wlCount()).hasValue(1);
        }
        if (c.name().equals("13-auth-info-after-whitelist")) {
            assertThat(r.number("WL-Entered")).hasValue(1795247902L);
        }
    }

    @Test
    void aliceKeyDerivesLikePyzorGenkey() {
        PyzorKeys.SaltKey sk = PyzorKeys.derive("drp-test-salt".getBytes(StandardCharsets.US_ASCII), "alicepass");
        assertThat(sk.salt()).isEqualTo(ALICE_SALT);
        assertThat(sk.key()).isEqualTo(ALICE_KEY);
    }

    @Test
    void accountsAndServersFilesReadLikePyzor(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve("servers"), "# comment\n127.0.0.1:24441\nnot a server\n  localhost:1234  \n");
        Files.writeString(home.resolve("accounts"), "# comment\n127.0.0.1 : 24441 : alice : " + ALICE_SALT + "," + ALICE_KEY
                + "\nbroken line\nhost : port : x : a,b\nh : 1 : u : nocomma\n");
        List<String> warnings = new ArrayList<>();
        assertThat(PyzorFiles.loadServers(home.resolve("servers"), warnings::add))
                .containsExactly(SERVER, new PyzorServer("localhost", 1234));
        Map<PyzorServer, PyzorAccount> accounts = PyzorFiles.loadAccounts(home.resolve("accounts"), warnings::add);
        assertThat(accounts).containsOnlyKeys(SERVER);
        assertThat(accounts.get(SERVER).key()).isEqualTo(ALICE_KEY);
        assertThat(warnings).hasSize(3).allMatch(w -> w.contains("accounts:"));
        assertThat(PyzorFiles.loadServers(home.resolve("missing"), warnings::add)).containsExactly(PyzorServer.PUBLIC);
    }
}
