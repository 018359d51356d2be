package dev.spamward.greylist.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spamward.greylist.engine.Query;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** A DNS list that keeps failing is skipped, and earns its credits back (grossd defect 13). */
class DnsListCreditsTest {

    @Test
    void failingListIsSkippedThenRecovers() throws Exception {
        try (DatagramSocket blackhole = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Dns dns = new Dns(List.of(new InetSocketAddress("127.0.0.1", blackhole.getLocalPort())), Duration.ofMillis(100));
            // The same credits guard every kind of list; RHSBL never recovered in grossd.
            for (DnsListCheck.Kind kind : List.of(DnsListCheck.Kind.RHSBL)) {
                DnsListCheck c = DnsListCheck.parse(kind, "list.test", dns, 3000);
                Query q = new Query("198.51.100.66", "", "", "x@bad.example", "b@example.org", "");
                List<java.util.concurrent.CompletableFuture<Throwable>> failing = new java.util.ArrayList<>();
                for (int i = 0; i < 5; i++) failing.add(c.run(q).handle((r, e) -> e));
                for (var f : failing) assertThat(f).succeedsWithin(Duration.ofSeconds(10)).isNotNull();
                long t0 = System.nanoTime();
                assertThat(c.run(q).join()).isEqualTo(CheckResult.NONE);
                assertThat(Duration.ofNanos(System.nanoTime() - t0).toMillis()).as("skipped at once").isLessThan(50);
                Thread.sleep(3200);
                assertThat(c.run(q).handle((r, e) -> e instanceof CompletionException ? e.getCause() : e).join())
                        .as("asked again after recovery (%s)", kind).isNotNull();
            }
        }
    }
}
