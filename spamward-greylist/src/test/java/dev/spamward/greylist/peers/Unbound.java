package dev.spamward.greylist.peers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Debian's unbound on 127.0.0.1 and a free port serving only the test zones of tools/dns-test-server.sh
 * ({@code local-zone: "." static}: it never recurses, every other name is NXDOMAIN).
 */
public final class Unbound implements AutoCloseable {
    private final Process process;
    private final int port;

    private Unbound(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts unbound in {@code dir}; fails the test when unbound is not installed. */
    public static Unbound start(Path dir) throws IOException, InterruptedException {
        String unbound = Peers.require("unbound", "unbound");
        int port = Peers.freePort();
        Path conf = dir.resolve("unbound.conf");
        Files.writeString(conf, config(dir, port));
        Process p = new ProcessBuilder(unbound, "-d", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("unbound.log").toFile()).start();
        Unbound u = new Unbound(p, port);
        SimpleResolver r = new SimpleResolver(new InetSocketAddress("127.0.0.1", port));
        r.setTimeout(Duration.ofMillis(200));
        for (int i = 0; i < 100; i++) {
            if (!p.isAlive()) {
                throw new IOException("unbound exited: " + Files.readString(dir.resolve("unbound.log")));
            }
            Lookup l = new Lookup("2.0.0.127.dnsbl.test", Type.A);
            l.setResolver(r);
            l.setCache(null);
            l.run();
            if (l.getResult() == Lookup.SUCCESSFUL) return u;
            Thread.sleep(100);
        }
        u.close();
        throw new IOException("unbound did not answer within 10 s: " + Files.readString(dir.resolve("unbound.log")));
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    /** Value for greylist.dns_servers. */
    public String server() {
        return "127.0.0.1:" + port;
    }

    static String config(Path dir, int port) {
        String d = dir.toAbsolutePath().toString();
        return String.join("\n", List.of(
                "server:",
                "    interface: 127.0.0.1",
                "    port: " + port,
                "    do-ip4: yes",
                "    do-ip6: no",
                "    do-udp: yes",
                "    do-tcp: yes",
                "    access-control: 127.0.0.0/8 allow",
                "    username: \"\"",
                "    chroot: \"\"",
                "    directory: \"" + d + "\"",
                "    pidfile: \"" + d + "/unbound.pid\"",
                "    use-syslog: no",
                "    logfile: \"\"",
                "    verbosity: 1",
                "    module-config: \"iterator\"",
                "    local-zone: \".\" static",
                "    local-zone: \"dnsbl.test.\" static",
                "    local-data: \"2.0.0.127.dnsbl.test. 300 IN A 127.0.0.2\"",
                "    local-data: '2.0.0.127.dnsbl.test. 300 IN TXT \"test entry\"'",
                "    local-data: \"66.100.51.198.dnsbl.test. 300 IN A 127.0.0.2\"",
                "    local-data: \"254.113.0.203.dnsbl.test. 300 IN A 127.255.255.254\"",
                "    local-data: \"d.a.b.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.dnsbl.test. 300 IN A 127.0.0.2\"",
                "    local-zone: \"dnswl.test.\" static",
                "    local-data: \"10.100.51.198.dnswl.test. 300 IN A 127.0.10.0\"",
                "    local-data: \"2.0.0.127.dnswl.test. 300 IN A 127.0.10.0\"",
                "    local-zone: \"rhsbl.test.\" static",
                "    local-data: \"test.rhsbl.test. 300 IN A 127.0.0.2\"",
                "    local-data: \"bad.example.rhsbl.test. 300 IN A 127.0.0.2\"",
                "    local-zone: \"example.net.\" static",
                "    local-data: 'example.net. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"'",
                "    local-data: \"mail.example.net. 300 IN A 192.0.2.10\"",
                "    local-data: \"nomatch.example.net. 300 IN A 192.0.2.99\"",
                "    local-data: 'softfail.example.net. 300 IN TXT \"v=spf1 ip4:192.0.2.10 ~all\"'",
                "    local-data: \"dyn.example.net. 300 IN A 192.0.2.30\"",
                "    local-zone: \"2.0.192.in-addr.arpa.\" static",
                "    local-data-ptr: \"192.0.2.10 mail.example.net.\"",
                "    local-data-ptr: \"192.0.2.20 nomatch.example.net.\"",
                "    local-data-ptr: \"192.0.2.30 30-2-0-192.dyn.example.net.\"",
                "")) + "\n";
    }

    @Override
    public void close() {
        Peers.stop(process);
    }
}
