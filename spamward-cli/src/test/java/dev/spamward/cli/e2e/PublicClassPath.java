package dev.spamward.cli.e2e;

import dev.spamward.greylist.peers.Peers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers for running this module's code as another user (nobody), who may not read ~/.m2 or a temp dir. */
final class PublicClassPath {
    private PublicClassPath() {
    }

    /** A world-readable copy of this JVM's class path under {@code to}; returns it as a class-path string. */
    static String copy(Path to) throws IOException {
        Files.createDirectories(to);
        List<String> cp = new ArrayList<>();
        int n = 0;
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path src = Path.of(e);
            if (!Files.exists(src)) continue;
            Path dst = to.resolve((n++) + "-" + src.getFileName());
            Peers.copyTree(src, dst);
            cp.add(dst.toString());
        }
        openToAll(to, "rwxr-xr-x");
        return String.join(":", cp);
    }

    /** Gives every directory below {@code root} {@code dirMode} and every file rw-r--r--. */
    static void openToAll(Path root, String dirMode) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? dirMode : "rw-r--r--"));
            }
        }
    }

}
