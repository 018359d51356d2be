package dev.spamward.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.spamward.pyzor.testing.Pyzord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * contrib/rspamd/spamward.lua in a real rspamd (Debian package): rspamd, the DRP service and its three
 * test backends run in a loopback-only network namespace with an NXDOMAIN DNS stub (so rspamd can send
 * nothing anywhere), as the rspamd-offline test tool of the specifications does. The spam message, reported first, gets
 * SPAMWARD_DCC, SPAMWARD_RAZOR and SPAMWARD_PYZOR; another message gets none. Needs root (namespaces), {@code ip} and rspamd: fails clearly without them.
 */
class RspamdPluginTest {
    private static final Path RSPAMD = Path.of("/usr/bin/rspamd");
    private static final Path RSPAMC = Path.of("/usr/bin/rspamc");
    private static final Path PLUGIN = Path.of("../contrib/rspamd/spamward.lua");
    private static final String TOKEN = "rspamd-plugin-token";
    /** rspamd's normal worker inside the namespace (its own loopback, so a fixed port is free). */
    private static final String WORKER = "127.0.0.1:11333";
    /** Network modules disabled as in rspamd-offline.sh's "nonet" profile: nothing but our plugin asks the network. */
    private static final List<String> NETWORK_MODULES = List.of("rbl", "surbl", "spf", "dkim", "dmarc", "arc", "asn",
            "hfilter", "mx_check", "fuzzy_check", "rspamd_update", "greylist", "emails", "phishing", "url_redirector",
            "dkim_signing", "reputation");

    @TempDir
    Path tmp;

    private static String ip() {
        for (String p : List.of("/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip")) {
            if (Files.isExecutable(Path.of(p))) return p;
        }
        return fail("'ip' (iproute2) is missing: it creates the loopback-only network namespace for rspamd");
    }

    private static void requirePeers() throws Exception {
        if (!Files.isExecutable(RSPAMD) || !Files.isExecutable(RSPAMC)) {
            fail("rspamd is missing: apt-get install --no-install-recommends rspamd (listed in .ci/apt-packages)");
        }
        if (!"0".equals(run(List.of("id", "-u"), 10).strip())) {
            fail("this test needs root: it creates a network namespace for rspamd (run the tests as root, as CI does)");
        }
        Pyzord.requireInstalled();
    }

    /** Runs a command, returns its stdout (stderr merged), fails on a non-zero exit. */
    private static String run(List<String> cmd, int seconds) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " did not finish in " + seconds + " s");
        }
        if (p.exitValue() != 0) fail(String.join(" ", cmd) + " exited with " + p.exitValue() + ": " + out);
        return out;
    }

    @Test
    void pluginSetsTheThreeSymbolsInRealRspamd() throws Exception {
        requirePeers();
        String ip = ip();
        String ns = "swrspamd" + ProcessHandle.current().pid();
        Path dir = Files.createDirectories(tmp.resolve("w"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path spam = Files.write(dir.resolve("spam.eml"), DrpEndToEndTest.message("Cheap offer", "spamoffer"));
        Path ham = Files.write(dir.resolve("ham.eml"), DrpEndToEndTest.ham());
        Path etcNetns = Path.of("/etc/netns", ns);
        Process stack = null;
        Process rspamd = null;
        run(List.of(ip, "netns", "add", ns), 10);
        try {
            Files.createDirectories(etcNetns);
            Files.writeString(etcNetns.resolve("resolv.conf"), "nameserver 127.0.0.1\n");
            run(List.of(ip, "netns", "exec", ns, ip, "link", "set", "lo", "up"), 10);

            stack = startStack(ip, ns, dir, spam);
            BufferedReader out = new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8));
            String report = null;
            int port = -1;
            List<String> seen = new ArrayList<>();
            for (String line; port < 0 && (line = out.readLine()) != null; ) {
                seen.add(line);
                if (line.startsWith("REPORT ")) report = line.substring(7);
                if (line.startsWith("READY ")) port = Integer.parseInt(line.substring(6).strip());
            }
            assertThat(port).as("the DRP stack started in the namespace: %s", seen).isPositive();
            assertThat(report).startsWith("{\"dcc\":true,\"razor\":true,\"pyzor\":true");

            Path local = writeRspamdConfig(dir, "http://127.0.0.1:" + port + "/check", TOKEN);
            rspamd = startRspamd(ip, ns, dir, local);

            String spamSymbols = rspamcSymbols(ip, ns, spam, rspamd, dir);
            assertThat(spamSymbols).contains("SPAMWARD_DCC").contains("[16777200]")
                    .contains("SPAMWARD_RAZOR").contains("SPAMWARD_PYZOR").contains("count=1 wl=0")
                    .doesNotContain("SPAMWARD_FAIL");
            String hamSymbols = rspamcSymbols(ip, ns, ham, rspamd, dir);
            System.out.println("rspamc symbols spam.eml:\n" + spamSymbols + "\nrspamc symbols ham.eml:\n" + hamSymbols);
            assertThat(hamSymbols).contains("Symbol").doesNotContain("SPAMWARD_");
        } finally {
            if (rspamd != null) stop(rspamd);
            if (stack != null) {
                stack.getOutputStream().close();
                if (!stack.waitFor(20, TimeUnit.SECONDS)) stop(stack);
            }
            new ProcessBuilder(ip, "netns", "del", ns).start().waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(etcNetns.resolve("resolv.conf"));
            Files.deleteIfExists(etcNetns);
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    /** {@link DrpStackMain} in a JVM inside the namespace, with this test's classpath. */
    private static Process startStack(String ip, String ns, Path dir, Path spam) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(ip, "netns", "exec", ns, java, "-cp", cp, DrpStackMain.class.getName(),
                dir.toString(), TOKEN, spam.toString())
                .redirectError(dir.resolve("stack.log").toFile()).start();
    }

    /** The local configuration of rspamd-offline.sh ("nonet" profile) plus the plugin and its section. */
    static Path writeRspamdConfig(Path dir, String url, String token) throws Exception {
        Path local = dir.resolve("local");
        Path localD = Files.createDirectories(local.resolve("local.d"));
        Path override = Files.createDirectories(local.resolve("override.d"));
        Path plugins = Files.createDirectories(local.resolve("plugins.d"));
        for (String d : List.of("db", "run", "log")) Files.createDirectories(dir.resolve(d));
        Files.copy(PLUGIN, plugins.resolve("spamward.lua"));
        Files.writeString(localD.resolve("options.inc"), "dns {\n  nameserver = [\"127.0.0.1:53\"];\n  timeout = 0.5s;\n  retransmits = 1;\n}\n");
        for (String m : NETWORK_MODULES) Files.writeString(localD.resolve(m + ".conf"), "enabled = false;\n");
        Files.writeString(override.resolve("worker-normal.inc"), "bind_socket = \"" + WORKER + "\";\ncount = 1;\n");
        Files.writeString(override.resolve("worker-controller.inc"), "bind_socket = \"127.0.0.1:11334\";\ncount = 1;\n");
        Files.writeString(override.resolve("worker-proxy.inc"), "enabled = false;\n");
        Files.writeString(override.resolve("logging.inc"), "type = \"file\";\nfilename = \"" + dir.resolve("log/rspamd.log")
                + "\";\nlevel = \"info\";\n");
        // The snippet of contrib/rspamd/README.md with this run's URL and token.
        Files.writeString(local.resolve("rspamd.conf.local"), "spamward {\n  url = \"" + url + "\";\n  token = \""
                + token + "\";\n  timeout = 7.0;\n}\n");
        run(List.of("chown", "-R", "_rspamd:_rspamd", dir.resolve("db").toString(), dir.resolve("run").toString(),
                dir.resolve("log").toString()), 10);
        run(List.of("chmod", "-R", "a+rX", local.toString()), 10);
        return local;
    }

    private static List<String> vars(Path dir, Path local) {
        return List.of("--var=LOCAL_CONFDIR=" + local, "--var=DBDIR=" + dir.resolve("db"),
                "--var=RUNDIR=" + dir.resolve("run"), "--var=LOGDIR=" + dir.resolve("log"));
    }

    private static Process startRspamd(String ip, String ns, Path dir, Path local) throws Exception {
        List<String> test = new ArrayList<>(List.of(ip, "netns", "exec", ns, "rspamadm"));
        test.addAll(vars(dir, local));
        test.addAll(List.of("configtest", "-c", "/etc/rspamd/rspamd.conf"));
        run(test, 120);
        List<String> cmd = new ArrayList<>(List.of(ip, "netns", "exec", ns, RSPAMD.toString(), "-f", "-u", "_rspamd",
                "-g", "_rspamd", "-c", "/etc/rspamd/rspamd.conf"));
        cmd.addAll(vars(dir, local));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("rspamd.stdout").toFile()).start();
    }

    /** {@code rspamc symbols FILE}, retried while rspamd starts (the first start compiles Hyperscan databases). */
    private static String rspamcSymbols(String ip, String ns, Path msg, Process rspamd, Path dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!rspamd.isAlive()) {
                fail("rspamd exited with " + rspamd.exitValue() + ": " + Files.readString(dir.resolve("rspamd.stdout")));
            }
            Process p = new ProcessBuilder(ip, "netns", "exec", ns, RSPAMC.toString(), "-h", WORKER, "-t", "20",
                    "symbols", msg.toString()).redirectErrorStream(true).start();
            last = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && last.contains("Symbol")) return last;
            Thread.sleep(1000);
        }
        return fail("rspamc got no answer from rspamd within 120 s: " + last + "\nrspamd log: "
                + (Files.exists(dir.resolve("log/rspamd.log")) ? Files.readString(dir.resolve("log/rspamd.log")) : "none"));
    }
}
