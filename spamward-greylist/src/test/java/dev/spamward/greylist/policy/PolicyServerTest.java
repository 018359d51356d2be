package dev.spamward.greylist.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.greylist.GreylistService;
import dev.spamward.greylist.TestConfig;
import dev.spamward.greylist.client.PolicyClient;
import dev.spamward.greylist.engine.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The policy front door over real sockets, with the samples of tools/policy_send.py. */
class PolicyServerTest {
    GreylistService service;
    InetSocketAddress addr;

    /** All 29 attributes exactly as Postfix 3.7.11 sends them at RCPT. */
    static Map<String, String> postfix37() {
        Map<String, String> m = new LinkedHashMap<>();
        String[][] a = {{"request", "smtpd_access_policy"}, {"protocol_state", "RCPT"}, {"protocol_name", "ESMTP"},
                {"client_address", "192.0.2.10"}, {"client_name", "mail.example.net"}, {"client_port", "54678"},
                {"reverse_client_name", "mail.example.net"}, {"server_address", "127.0.0.1"}, {"server_port", "2525"},
                {"helo_name", "mail.example.net"}, {"sender", "alice@example.net"}, {"recipient", "bob@example.org"},
                {"recipient_count", "0"}, {"queue_id", ""}, {"instance", "337f.6b014e4a.22fe0.0"}, {"size", "0"},
                {"etrn_domain", ""}, {"stress", ""}, {"sasl_method", ""}, {"sasl_username", ""}, {"sasl_sender", ""},
                {"ccert_subject", ""}, {"ccert_issuer", ""}, {"ccert_fingerprint", ""}, {"ccert_pubkey_fingerprint", ""},
                {"encryption_protocol", ""}, {"encryption_cipher", ""}, {"encryption_keysize", "0"}, {"policy_context", ""}};
        for (String[] kv : a) m.put(kv[0], kv[1]);
        return m;
    }

    static Map<String, String> with(Map<String, String> base, String... kv) {
        Map<String, String> m = new LinkedHashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] == null) m.remove(kv[i]);
            else m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @BeforeEach
    void start() throws IOException {
        service = GreylistService.start(TestConfig.of("greylist.grey_delay=1s", "greylist.max_request=64KiB",
                "greylist.milter.enabled=false", "greylist.sjsms.enabled=false"));
        addr = service.policy().address();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    PolicyClient client() throws IOException {
        return new PolicyClient(addr, 5000);
    }

    @Test
    void fullPostfixRequestGreylistedThenPassedOnOneConnection() throws Exception {
        try (PolicyClient c = client()) {
            assertThat(c.ask(postfix37())).containsExactly("action=DEFER_IF_PERMIT Please try again later");
            assertThat(c.ask(postfix37())).containsExactly("action=DEFER_IF_PERMIT Please try again later");
            Thread.sleep(1800);
            assertThat(c.ask(postfix37())).containsExactly("action=DUNNO");
            assertThat(c.ask(with(postfix37(), "sender", "Alice@Example.NET", "recipient", "BOB@example.org")))
                    .containsExactly("action=DUNNO");
        }
    }

    @Test
    void unknownAttributesAreIgnoredAndRequestIsOptional() throws Exception {
        try (PolicyClient c = client()) {
            Map<String, String> m = with(postfix37(), "request", null, "future_attribute", "x=y=z", "sender", "u1@example.net");
            assertThat(c.ask(m)).containsExactly("action=DEFER_IF_PERMIT Please try again later");
        }
    }

    @Test
    void pipelinedRequestsAreAllAnswered() throws Exception {
        try (PolicyClient c = client()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                sb.append("client_address=192.0.2.").append(i).append("\nsender=p").append(i)
                        .append("@example.net\nrecipient=r@example.org\n\n");
            }
            c.output().write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            c.output().flush();
            for (int i = 0; i < 50; i++) assertThat(c.readAnswer()).containsExactly("action=DEFER_IF_PERMIT Please try again later");
        }
    }

    @Test
    void malformedRequestsAreAnsweredAndTheConnectionKeepsServing() throws Exception {
        try (PolicyClient c = client()) {
            // Missing client_address (grossd closed the connection without an answer).
            assertThat(c.ask(with(postfix37(), "client_address", null))).containsExactly("action=DUNNO");
            assertThat(c.ask(with(postfix37(), "client_address", "2001:db8:1:2::1", "sender", "v6@example.net")))
                    .containsExactly("action=DEFER_IF_PERMIT Please try again later");
            assertThat(c.ask(with(postfix37(), "recipient", null))).containsExactly("action=DUNNO");
            assertThat(c.askRaw("this line has no equals sign\nsender=a@b\n\n".getBytes(StandardCharsets.US_ASCII)))
                    .containsExactly("action=DUNNO");
            assertThat(c.askRaw("client_address=192.0.2.1\r\nsender=crlf@example.net\r\nrecipient=r@example.org\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII))).containsExactly("action=DEFER_IF_PERMIT Please try again later");
            // Binary junk with newlines.
            byte[] junk = new byte[3000];
            new Random(42).nextBytes(junk);
            junk[1000] = '\n';
            c.output().write(junk);
            assertThat(c.askRaw("\n\n".getBytes(StandardCharsets.US_ASCII))).containsExactly("action=DUNNO");
            assertThat(c.ask(with(postfix37(), "sender", "after-junk@example.net")))
                    .containsExactly("action=DEFER_IF_PERMIT Please try again later");
        }
        assertThat(service.engine().stats().errors()).containsKeys("malformed", "input");
    }

    /** The request that crashes grossd 1.0.2 (sample "long" of policy_send.py), then normal service. */
    @Test
    void longAttributesThatCrashGrossdAreAnswered() throws Exception {
        try (PolicyClient c = client()) {
            Map<String, String> m = with(postfix37(), "client_address", "192.0.2.1", "helo_name", "H".repeat(900),
                    "sender", "s".repeat(988) + "@example.net", "recipient", "r".repeat(988) + "@example.org");
            assertThat(c.ask(m)).containsExactly("action=DEFER_IF_PERMIT Please try again later");
            Map<String, String> bigger = with(m, "sender", "s".repeat(20_000) + "@example.net");
            assertThat(c.ask(bigger)).containsExactly("action=DEFER_IF_PERMIT Please try again later");
            assertThat(c.ask(postfix37())).hasSize(1);
        }
    }

    @Test
    void tenMegabyteLineWithoutNewlineGetsAnAnswerAndTheServerKeepsServing() throws Exception {
        try (PolicyClient c = client()) {
            OutputStream out = c.output();
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            List<String> answer;
            try {
                for (int i = 0; i < 160; i++) out.write(chunk);
                out.flush();
            } catch (IOException closedEarly) {
                // The server closes after answering the over-long request; the rest of our write may fail.
            }
            answer = c.readAnswer();
            assertThat(answer).isIn(List.of("action=DUNNO"), List.of());
        }
        try (PolicyClient c = client()) {
            assertThat(c.ask(postfix37())).hasSize(1);
        }
        assertThat(service.engine().stats().errors()).containsKey("malformed");
    }

    @Test
    void eximSingleModeClosesAfterTheAnswer() throws Exception {
        try (PolicyClient c = client()) {
            assertThat(c.ask(Map.of("sender", "x@example.net", "recipient", "bob@example.org", "client_address", "192.0.2.10",
                    "grossd_mode", "single"))).containsExactly("action=DEFER_IF_PERMIT Please try again later");
            assertThat(c.readAnswer()).isEmpty();
        }
    }

    @Test
    void manyConcurrentConnections() throws Exception {
        List<Thread> ts = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 32; t++) {
            int id = t;
            ts.add(Thread.ofVirtual().start(() -> {
                try (PolicyClient c = client()) {
                    for (int i = 0; i < 50; i++) {
                        if (c.ask(with(postfix37(), "sender", "c" + id + "_" + i + "@example.net")).size() == 1) ok.incrementAndGet();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        for (Thread t : ts) t.join();
        assertThat(ok.get()).isEqualTo(32 * 50);
        assertThat(service.engine().stats().answers(Result.GREY)).isEqualTo(32 * 50);
    }
}
