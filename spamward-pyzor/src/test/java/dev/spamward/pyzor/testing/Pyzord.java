package dev.spamward.pyzor.testing;

import static org.assertj.core.api.Assertions.fail;

import dev.spamward.pyzor.account.PyzorServer;
import dev.spamward.pyzor.client.PyzorClient;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Debian pyzord on 127.0.0.1 and a free port with its own home (as tools/pyzor-offline.sh starts
 * it), for integration tests. Missing binaries fail the test with what to install.
 */
public final class Pyzord implements AutoCloseable {
    /** pyzord needs Debian's python3 (python3-gdbm is only there). */
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path PYZORD = Path.of("/usr/bin/pyzord");
    public static final Path PYZOR = Path.of("/usr/bin/pyzor");

    private final Process process;
    private final Path home;
    private final int port;

    private Pyzord(Process process, Path home, int port) {
        this.process = process;
        this.home = home;
        this.port = port;
    }

    /** Fails the test unless the Debian packages are installed. */
    public static void requireInstalled() {
        for (Path p : List.of(PYTHON, PYZORD, PYZOR)) {
            if (!Files.isExecutable(p)) fail(p + " is missing: apt-get install pyzor python3-gdbm (see .ci/apt-packages)");
        }
    }

    /**
     * Starts pyzord with {@code passwd} and {@code access} files (either may be null: pyzord's defaults) and
     * waits until it answers a ping.
     */
    public static Pyzord start(Path dir, String passwd, String access) throws IOException, InterruptedException {
        return start(dir, passwd, access, freeUdpPort());
    }

    /** As {@link #start(Path, String, String)} on a given port. */
    public static Pyzord start(Path dir, String passwd, String access, int port) throws IOException, InterruptedException {
        requireInstalled();
        Path home = Files.createDirectories(dir.resolve("srv"));
        if (passwd != null) Files.writeString(home.resolve("pyzord.passwd"), passwd);
        if (access != null) Files.writeString(home.resolve("pyzord.access"), access);
        ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), PYZORD.toString(), "--homedir", home.toString(),
                "-a", "127.0.0.1", "-p", Integer.toString(port), "-e", "gdbm", "--dsn", home.resolve("pyzord.db").toString(),
                "--log-file", home.resolve("pyzord.log").toString(), "--usage-log-file", home.resolve("usage.log").toString());
        pb.redirectErrorStream(true).redirectOutput(home.resolve("stdout.log").toFile());
        Pyzord d = new Pyzord(pb.start(), home, port);
        d.awaitReady();
        return d;
    }

    private void awaitReady() throws IOException, InterruptedException {
        PyzorClient probe = PyzorClient.builder().servers(List.of(server())).timeout(Duration.ofMillis(200)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("pyzord exited with " + process.exitValue() + ": " + Files.readString(home.resolve("stdout.log")));
            }
            if (probe.ping().allOk()) return;
            Thread.sleep(100);
        }
        close();
        fail("pyzord did not answer within 20 s: " + Files.readString(home.resolve("stdout.log")));
    }

    /** A UDP port that was free a moment ago. */
    public static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public PyzorServer server() {
        return new PyzorServer("127.0.0.1", port);
    }

    public Path home() {
        return home;
    }

    /** pyzord's usage log: one line per request, {@code user,ip,op,[digests],code}. */
    public String usageLog() throws IOException {
        Path log = home.resolve("usage.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Writes a pyzor client home for this server (and optionally an accounts line). */
    public Path clientHome(Path dir, String accountsLine) throws IOException {
        Path cli = Files.createDirectories(dir);
        Files.writeString(cli.resolve("servers"), server() + "\n");
        if (accountsLine != null) Files.writeString(cli.resolve("accounts"), accountsLine + "\n");
        return cli;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
