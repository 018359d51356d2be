package dev.spamward.greylist.peers;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

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
