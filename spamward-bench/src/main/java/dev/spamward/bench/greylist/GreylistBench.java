package dev.spamward.bench.greylist;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end greylisting benchmark: starts Spamward ({@code spamward serve} from the shaded jar), Debian's
 * grossd 1.0.2 and postgrey 1.37 one after the other on free loopback ports, loads each with
 * {@link PolicyLoad} in the same run, and prints a Markdown table (req/s, p50, p99, answers, server RSS).
 *
 * <pre>
 * java -cp spamward-bench/target/benchmarks.jar dev.spamward.bench.greylist.GreylistBench \
 *      --jar spamward-cli/target/spamward.jar [--connections 16] [--seconds 10] [--warmup 5] \
 *      [--peers spamward,grossd,postgrey] [--postgrey-seconds 5] [--java-opts "-Xmx56m -XX:+UseSerialGC"]
 * </pre>
 * grossd and postgrey need root (they switch users) and the Debian packages gross and postgrey.
 */
public final class GreylistBench {
    private GreylistBench() {
    }

    public static void main(String[] args) throws Exception {
        String jar = "spamward-cli/target/spamward.jar";
        int conns = 16;
        double seconds = 10;
        double warmup = 5;
        double postgreySeconds = 5;
        List<String> peers = List.of("spamward", "grossd", "postgrey");
        String javaOpts = "-Xmx56m -XX:+UseSerialGC";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = args[++i];
                case "--connections" -> conns = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--postgrey-seconds" -> postgreySeconds = Double.parseDouble(args[++i]);
                case "--peers" -> peers = List.of(args[++i].split(","));
                case "--java-opts" -> javaOpts = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("greylist-bench");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> rows = new ArrayList<>();
        for (String peer : peers) {
            int port = freePort();
            Process p = switch (peer) {
                case "spamward" -> startSpamward(jar, javaOpts, port, dir);
                case "grossd" -> startGrossd(port, dir);
                case "postgrey" -> startPostgrey(port, dir);
                default -> throw new IllegalArgumentException("unknown peer " + peer);
            };
            try {
                InetSocketAddress addr = new InetSocketAddress("127.0.0.1", port);
                waitForPort(addr, p, peer);
                boolean slow = peer.equals("postgrey");
                int c = slow ? Math.min(conns, 4) : conns;
                double secs = slow ? postgreySeconds : seconds;
                if (warmup > 0) PolicyLoad.run(addr, c, slow ? 1 : warmup, peer + "w");
                PolicyLoad.Result r = PolicyLoad.run(addr, c, secs, peer + System.nanoTime());
                long rssKiB = rssKiB(p.pid());
                String row = String.format(Locale.ROOT, "| %s | %d | %,.0f | %.3f | %.3f | %.1f | %s | %s |", peer, c,
                        r.perSecond(), r.p50Millis(), r.p99Millis(), r.maxMillis(), r.actions() + (r.failures() > 0
                                ? " failures=" + r.failures() : ""), rssKiB < 0 ? "?" : (rssKiB / 1024) + " MiB");
                System.out.println(row);
                rows.add(row);
            } finally {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
            }
        }
        System.out.println();
        System.out.println("| Server | Connections | Requests/s | p50 ms | p99 ms | max ms | Answers | Server RSS |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|---:|");
        rows.forEach(System.out::println);
    }

    private static Process startSpamward(String jar, String javaOpts, int port, Path dir) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (!javaOpts.isBlank()) cmd.addAll(List.of(javaOpts.trim().split("\\s+")));
        cmd.addAll(List.of("-jar", jar, "serve", "--set", "http.enabled=false",
                "--set", "greylist.policy.listen=127.0.0.1:" + port, "--set", "greylist.milter.enabled=false",
                "--set", "greylist.sjsms.enabled=false", "--set", "greylist.query_log=false"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("spamward.log").toFile()).start();
    }

    private static Process startGrossd(int port, Path dir) throws IOException {
        Path conf = dir.resolve("grossd.conf");
        Files.writeString(conf, String.join("\n", "host = 127.0.0.1", "port = " + port, "sync_listen = 127.0.0.1",
                "sync_port = " + freePort(), "protocol = postfix", "grey_delay = 10", "filter_bits = 24",
                "number_buffers = 8", "rotate_interval = 3600", "") );
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r--r--"));
        return new ProcessBuilder("grossd", "-d", "-f", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("grossd.log").toFile()).start();
    }

    private static Process startPostgrey(int port, Path dir) throws IOException, InterruptedException {
        Path db = Files.createDirectories(dir.resolve("pgdb"));
        new ProcessBuilder("chown", "postgrey:postgrey", db.toString()).inheritIO().start().waitFor();
        return new ProcessBuilder("postgrey", "--inet=127.0.0.1:" + port, "--delay=10", "--dbdir=" + db,
                "--user=postgrey", "--group=postgrey").redirectErrorStream(true)
                .redirectOutput(dir.resolve("postgrey.log").toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void waitForPort(InetSocketAddress addr, Process p, String name) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (!p.isAlive()) throw new IOException(name + " exited with " + p.exitValue());
            try (Socket s = new Socket()) {
                s.connect(addr, 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException(name + " did not listen on " + addr);
    }

    private static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
