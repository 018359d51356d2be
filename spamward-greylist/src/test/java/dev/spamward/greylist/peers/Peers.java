package dev.spamward.greylist.peers;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/** Helpers for tests that start real peer programs. */
public final class Peers {
    private Peers() {
    }

    /** Path of a required program; fails the test with the Debian package to install when missing. */
    public static String require(String program, String debianPackage) {
        for (String dir : new String[] {"/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/bin", "/usr/local/sbin"}) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) return p.toString();
        }
        fail(program + " is required for this test: apt-get install " + debianPackage + " (listed in .ci/apt-packages)");
        return null;
    }

    /** A port free for both TCP and UDP on 127.0.0.1. */
    public static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = s.getLocalPort();
                try (DatagramSocket d = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                    return d.getLocalPort();
                } catch (IOException busy) {
                    // UDP side taken; try another.
                }
            }
        }
        throw new IOException("no free port");
    }

    /** Copies the tree {@code from} (files and directories, links as links) to {@code to}; returns {@code to}. */
    public static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) Files.createDirectories(t);
                else Files.copy(f, t, LinkOption.NOFOLLOW_LINKS);
            }
        }
        return to;
    }

    /**
     * Lets other users (a peer's own user, nobody) traverse every directory from {@code dir} up to, not including,
     * /tmp: JUnit temp dirs are mode 700.
     */
    public static void traversable(Path dir) throws IOException {
        for (Path d = dir.toAbsolutePath(); d != null && d.getNameCount() > 0 && !d.equals(Path.of("/tmp")); d = d.getParent()) {
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /** Stops a process we started: SIGTERM, then SIGKILL after 5 s. */
    public static void stop(Process p) {
        if (p == null) return;
        p.destroy();
        try {
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
