package dev.spamward.greylist.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.greylist.GreylistService;
import dev.spamward.greylist.TestConfig;
import dev.spamward.greylist.engine.Result;
import dev.spamward.greylist.peers.PostfixInstance;
import dev.spamward.greylist.peers.Unbound;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real private Postfix (Debian 3.7) in front of Spamward, once with {@code check_policy_service} and
 * once with {@code smtpd_milters}: swaks' first attempt gets a 4xx, the retry after the grey delay is
 * accepted and queued.
 */
class PostfixEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void policyServiceGreylistsFirstAttemptAndAcceptsTheRetry() throws Exception {
        try (GreylistService gl = GreylistService.start(TestConfig.of("greylist.grey_delay=2s", "greylist.milter.enabled=false",
                "greylist.sjsms.enabled=false"));
             PostfixInstance pf = PostfixInstance.start(dir, "inet:127.0.0.1:" + gl.policy().address().getPort(), null)) {
            String first = pf.swaks("192.0.2.30", "mail.example.net", "frank@example.net", "gina@example.org");
            assertThat(first).as(first).contains("450 4.7.1 <gina@example.org>: Recipient address rejected: Please try again later");
            Thread.sleep(3000);
            String retry = pf.swaks("192.0.2.31", "mail.example.net", "Frank@Example.NET", "gina@example.org");
            assertThat(retry).as(retry).contains("250 2.0.0 Ok: queued as");
            assertThat(gl.engine().stats().answers(Result.GREY)).isEqualTo(1);
            assertThat(gl.engine().stats().answers(Result.MATCH)).isEqualTo(1);
        }
    }

    /** Selective greylisting through Postfix: only the DNSBL-listed client is greylisted, the sender on the RHSBL is rejected. */
    @Test
    void checksDecideWhomToGreylist() throws Exception {
        try (Unbound dns = Unbound.start(Files.createDirectories(dir.resolve("dns")));
             GreylistService gl = GreylistService.start(TestConfig.of("greylist.grey_delay=2s", "greylist.milter.enabled=false",
                     "greylist.sjsms.enabled=false", "greylist.dns_servers=" + dns.server(), "greylist.check=dnsbl",
                     "greylist.check=rhsbl", "greylist.dnsbl=dnsbl.test", "greylist.rhsbl=rhsbl.test;2",
                     "greylist.block_threshold=2"));
             PostfixInstance pf = PostfixInstance.start(Files.createDirectories(dir.resolve("pf")),
                     "inet:127.0.0.1:" + gl.policy().address().getPort(), null)) {
            String clean = pf.swaks("192.0.2.10", "mail.example.net", "alice@example.net", "bob@example.org");
            assertThat(clean).as(clean).contains("250 2.0.0 Ok: queued as");
            String listed = pf.swaks("198.51.100.66", "mail.example.net", "alice@example.net", "bob@example.org");
            assertThat(listed).as(listed).contains("450 4.7.1 <bob@example.org>: Recipient address rejected: Please try again later");
            String blocked = pf.swaks("192.0.2.10", "mail.example.net", "x@bad.example", "bob@example.org");
            assertThat(blocked).as(blocked).contains("554 5.7.1 <bob@example.org>: Recipient address rejected: Bad reputation");
        }
    }

    @Test
    void milterGreylistsFirstAttemptAndAcceptsTheRetry() throws Exception {
        try (GreylistService gl = GreylistService.start(TestConfig.of("greylist.grey_delay=2s", "greylist.policy.enabled=false",
                "greylist.sjsms.enabled=false"));
             PostfixInstance pf = PostfixInstance.start(dir, null, "inet:127.0.0.1:" + gl.milter().address().getPort())) {
            String first = pf.swaks("192.0.2.40", "mail.example.net", "hank@example.net", "ida@example.org");
            assertThat(first).as(first).contains("452 4.4.3 Please try again later");
            Thread.sleep(3000);
            String retry = pf.swaks("192.0.2.40", "mail.example.net", "hank@example.net", "ida@example.org");
            assertThat(retry).as(retry).contains("250 2.0.0 Ok: queued as");
            assertThat(pf.maillog()).contains("milter-reject: RCPT");
        }
    }

    /** Postfix talking to both doors over unix-domain sockets ({@code unix:PATH}), as inside a chroot. */
    @Test
    void policyAndMilterOverUnixDomainSockets() throws Exception {
        Path policySock = dir.resolve("policy.sock");
        Path milterSock = dir.resolve("milter.sock");
        try (GreylistService gl = GreylistService.start(TestConfig.of("greylist.grey_delay=1h", "greylist.sjsms.enabled=false",
                "greylist.policy.listen=127.0.0.1:0", "greylist.milter.listen=127.0.0.1:0",
                "greylist.policy.socket=" + policySock, "greylist.milter.socket=" + milterSock, "greylist.socket_mode=0666"));
             PostfixInstance pf = PostfixInstance.start(dir, "unix:" + policySock, "unix:" + milterSock)) {
            // Both doors are configured; the policy service answers first (smtpd_recipient_restrictions).
            String first = pf.swaks("192.0.2.50", "mail.example.net", "jo@example.net", "kim@example.org");
            assertThat(first).as(first).contains("450 4.7.1 <kim@example.org>: Recipient address rejected: Please try again later");
            assertThat(gl.engine().stats().answers(Result.GREY)).isGreaterThanOrEqualTo(1);
            assertThat(pf.maillog()).doesNotContain("warning: connect to 127.0.0.1").doesNotContain("No such file");
        }
        // The milter alone over its unix socket.
        try (GreylistService gl = GreylistService.start(TestConfig.of("greylist.grey_delay=1h", "greylist.sjsms.enabled=false",
                "greylist.policy.enabled=false", "greylist.milter.listen=127.0.0.1:0",
                "greylist.milter.socket=" + milterSock, "greylist.socket_mode=0666"));
             PostfixInstance pf = PostfixInstance.start(java.nio.file.Files.createDirectories(dir.resolve("pf2")), null, "unix:" + milterSock)) {
            String first = pf.swaks("192.0.2.51", "mail.example.net", "jo@example.net", "kim@example.org");
            assertThat(first).as(first).contains("452 4.4.3 Please try again later");
            assertThat(pf.maillog()).contains("milter-reject: RCPT");
        }
    }
}
