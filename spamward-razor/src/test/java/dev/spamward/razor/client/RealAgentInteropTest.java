package dev.spamward.razor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.spamward.razor.identity.IdentityStore;
import dev.spamward.razor.sig.VectorFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Razor2 agents (Debian package {@code razor}: razor-check, razor-report, razor-admin) and Spamward
 * talk to the same Java test server, which records every byte; for the same messages both must send the same
 * bytes and reach the same verdict. The agents always dial port 2703, so the server binds a loopback address
 * whose port 2703 is free and the agents' server lists point there; they never reach the network.
 */
class RealAgentInteropTest {
    /** Messages the agents read exactly as given (razor-check -H equals razor.tsv for these). */
    private static final List<String> MESSAGES = List.of("syn-016.eml", "sa-022.eml", "sa-047.eml", "sa-057.eml",
            "gdcc-multipart1.eml", "gdcc-html1.eml", "gdcc-b64_1.eml", "gdcc-qp1.eml", "sa-003.eml", "sa-014.eml",
            "sa-021.eml", "sa-037.eml", "sa-065.eml", "sa-101.eml", "sa-150.eml", "sa-199.eml", "syn-001.eml",
            "syn-017.eml", "syn-026.eml", "syn-030.eml");

    @TempDir
    static Path home;
    private static FakeRazorServer server;
    private static RazorClient client;

    @BeforeAll
    static void start() throws Exception {
        for (String tool : List.of("razor-check", "razor-report", "razor-revoke", "razor-admin")) {
            if (!onPath(tool)) fail(tool + " not found: install the Debian package 'razor' (see .ci/apt-packages)");
        }
        server = bindPort2703();
        String ip = server.address().host();
        for (String list : List.of("catalogue", "nomination", "discovery")) {
            Files.writeString(home.resolve("servers." + list + ".lst"), ip + "\n");
        }
        Files.writeString(home.resolve("identity-alice"), "user = alice\npass = secretpass\n");
        Files.createSymbolicLink(home.resolve("identity"), Path.of("identity-alice"));
        client = new RazorClient(RazorOptions.defaults().withServers(List.of(server.address()))
                .withTimeout(Duration.ofSeconds(10)));
        // warm both caches (server state), as the byte comparison is about the check traffic itself
        run("razor-check", VectorFiles.message("syn-016.eml"));
        client.check(VectorFiles.message("syn-016.eml"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    /** 127.0.0.1:2703 if free, else another 127.0.0.N:2703. */
    private static FakeRazorServer bindPort2703() throws IOException {
        List<String> candidates = new ArrayList<>(List.of("127.0.0.1"));
        for (int n = 0; n < 40; n++) candidates.add("127.0.0." + (100 + (int) (Math.random() * 150)));
        IOException last = null;
        for (String ip : candidates) {
            try {
                return new FakeRazorServer(InetAddress.getByName(ip), ServerAddress.DEFAULT_PORT);
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IOException("no loopback address with a free port 2703", last);
    }

    @Test
    void checkSendsTheSameBytesAndReachesTheSameVerdict() throws Exception {
        int spamCount = 0;
        for (int i = 0; i < MESSAGES.size(); i++) {
            byte[] msg = VectorFiles.message(MESSAGES.get(i));
            var sigs = client.signatures(msg);
            boolean markSpam = i % 2 == 0 && sigs.hasSignatures();
            if (markSpam) {
                var part = sigs.parts().stream().filter(p -> !p.skipped()).findFirst().orElseThrow();
                server.spam(part.e4());
                spamCount++;
            }
            server.clearConnections();
            int exit = run("razor-check", msg);
            String perl = checkTraffic();
            server.clearConnections();
            CheckResult ours = client.check(msg);
            String java = checkTraffic();
            assertThat(java).as(MESSAGES.get(i) + " bytes").isEqualTo(perl);
            if (sigs.hasSignatures()) assertThat(perl).as(MESSAGES.get(i)).contains("a=c&e=4&ep4=7542-10&s=");
            assertThat(exit).as(MESSAGES.get(i) + " razor-check exit").isEqualTo(markSpam ? 0 : 1);
            assertThat(ours.spam()).as(MESSAGES.get(i) + " verdict").isEqualTo(exit == 0);
        }
        assertThat(spamCount).isGreaterThan(5);
    }

    @Test
    void reportSendsTheSameBytes() throws Exception {
        Credentials alice = new Credentials("alice", "secretpass");
        for (String name : List.of("syn-016.eml", "sa-022.eml", "gdcc-multipart1.eml")) {
            byte[] msg = VectorFiles.message(name);
            server.clearConnections();
            assertThat(run("razor-report", msg, "-f")).as(name).isZero();
            String perl = trafficWith("a=ai&");
            server.clearConnections();
            ReportResult r = client.report(msg, alice);
            assertThat(r.uploads()).isEqualTo(1);
            assertThat(perl).as(name).contains("-a=r&message=*\r\n");
            assertThat(trafficWith("a=ai&")).as(name).isEqualTo(perl);
        }
    }

    @Test
    void revokeSendsTheSameQueries() throws Exception {
        Credentials alice = new Credentials("alice", "secretpass");
        for (String name : List.of("syn-016.eml", "sa-022.eml")) {
            byte[] msg = VectorFiles.message(name);
            server.clearConnections();
            assertThat(run("razor-revoke", msg, "-f")).as(name).isZero();
            List<String> perl = revokeQueries(trafficWith("a=ai&"));
            server.clearConnections();
            assertThat(client.revoke(msg, alice).accepted()).isEqualTo(perl.size());
            // the agents batch in Perl hash order (random), so compare the queries, not the batch layout
            assertThat(revokeQueries(trafficWith("a=ai&"))).as(name).isEqualTo(perl).isNotEmpty();
        }
    }

    private static List<String> revokeQueries(String traffic) {
        List<String> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("a=revoke&e=\\d&s=[A-Za-z0-9_-]+").matcher(traffic);
        while (m.find()) out.add(m.group());
        java.util.Collections.sort(out);
        return out;
    }

    @Test
    void registerSendsTheSameBytes() throws Exception {
        server.clearConnections();
        assertThat(run("razor-admin", null, "-register", "-user=bob", "-pass=bobpass")).isZero();
        String perl = trafficWith("a=reg&");
        server.clearConnections();
        assertThat(client.register("bob", "bobpass")).isEqualTo(new Credentials("bob", "bobpass"));
        assertThat(trafficWith("a=reg&")).isEqualTo(perl).contains("a=reg&pass=bobpass&registrar=Razor-Agents%20v2.84&user=bob\r\n");
        // the identity file razor-admin wrote is what IdentityStore writes, byte for byte
        Path other = Files.createDirectories(home.resolve("spamward-home"));
        Path ours = new IdentityStore(other).save(new Credentials("bob", "bobpass"), false);
        assertThat(Files.readString(ours)).isEqualTo(Files.readString(home.resolve("identity-bob")));
    }

    @Test
    void agentsUseAnIdentityWrittenBySpamward() throws Exception {
        Path other = Files.createDirectories(home.resolve("agent-home"));
        for (String list : List.of("catalogue", "nomination", "discovery")) {
            Files.copy(home.resolve("servers." + list + ".lst"), other.resolve("servers." + list + ".lst"));
        }
        server.users().put("erin", "erinpass");
        new IdentityStore(other).save(new Credentials("erin", "erinpass"), false);
        assertThat(new IdentityStore(other).read()).contains(new Credentials("erin", "erinpass"));
        server.clearConnections();
        List<String> cmd = List.of("razor-report", "-f", "-home=" + other, "-logfile=" + other.resolve("log"));
        Path msg = Files.write(other.resolve("m.eml"), VectorFiles.message("syn-016.eml"));
        List<String> all = new ArrayList<>(cmd);
        all.add(msg.toString());
        Process p = new ProcessBuilder(all).redirectErrorStream(true).redirectOutput(other.resolve("out").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(trafficWith("a=ai&")).contains("user=erin").contains("-a=r&message=*");
    }

    /** The bytes of the connections that carried a check (not discovery), concatenated. */
    private static String checkTraffic() throws InterruptedException {
        StringBuilder out = new StringBuilder();
        for (FakeRazorServer.Connection c : server.connections()) {
            c.awaitDone();
            if (c.has("cn=")) out.append(c.bytes()).append("||");
        }
        return out.toString();
    }

    private static String trafficWith(String marker) throws InterruptedException {
        StringBuilder out = new StringBuilder();
        for (FakeRazorServer.Connection c : server.connections()) {
            c.awaitDone();
            if (c.has(marker)) out.append(c.bytes()).append("||");
        }
        return out.toString();
    }

    private static int run(String tool, byte[] message, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(tool, "-home=" + home, "-logfile=" + home.resolve("razor.log")));
        cmd.addAll(List.of(extra));
        Path file = null;
        if (message != null) {
            file = Files.createTempFile(home, "msg", ".eml");
            Files.write(file, message);
            cmd.add(file.toString());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(home.resolve("agent-output.txt").toFile());
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(tool + " did not finish within 60 s");
        }
        if (file != null) Files.delete(file);
        return p.exitValue();
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }
}
