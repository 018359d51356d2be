package dev.spamward.bench.bayes;

import dev.spamward.bayes.store.Label;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Debian peer filter run as one process per message, exactly as specs/bayes.md section 8 and
 * toe-peer.sh run them (database in a fresh directory):
 * <ul>
 *   <li>bogofilter: {@code bogofilter -d DB -I FILE -s|-n} to learn; {@code bogofilter -d DB -I FILE} to check,
 *       exit 0 = spam, anything else (ham, unsure) = ham;</li>
 *   <li>spamprobe: {@code spamprobe -d DB -c spam|good FILE}; {@code spamprobe -d DB score FILE}, first word
 *       {@code SPAM} = spam;</li>
 *   <li>bsfilter: {@code bsfilter --homedir DB -u -s|-c FILE}; {@code bsfilter --homedir DB FILE}, exit 0 = spam.</li>
 * </ul>
 */
final class PeerToe implements ToeFilter {
    private final String kind;
    private final Path db;

    PeerToe(String kind, Path db) throws IOException {
        this.kind = kind;
        this.db = Files.createDirectories(db);
    }

    @Override
    public String name() {
        return kind;
    }

    @Override
    public void learn(Path f, Label l) throws Exception {
        boolean spam = l == Label.SPAM;
        List<String> cmd = switch (kind) {
            case "bogofilter" -> List.of("bogofilter", "-d", db.toString(), "-I", f.toString(), spam ? "-s" : "-n");
            case "spamprobe" -> List.of("spamprobe", "-d", db.toString(), "-c", spam ? "spam" : "good", f.toString());
            case "bsfilter" -> List.of("bsfilter", "--homedir", db.toString(), "-u", spam ? "-s" : "-c", f.toString());
            default -> throw new IllegalArgumentException(kind);
        };
        Run r = run(cmd);
        if (r.exit != 0) throw new IOException(kind + " learn failed (exit " + r.exit + ") for " + f);
    }

    @Override
    public boolean isSpam(Path f) throws Exception {
        return switch (kind) {
            case "bogofilter" -> run(List.of("bogofilter", "-d", db.toString(), "-I", f.toString())).exit == 0;
            case "spamprobe" -> run(List.of("spamprobe", "-d", db.toString(), "score", f.toString())).out.startsWith("SPAM");
            case "bsfilter" -> run(List.of("bsfilter", "--homedir", db.toString(), f.toString())).exit == 0;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    record Run(int exit, String out) {
    }

    static Run run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timeout: " + cmd);
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** True when the peer's binary is on the PATH. */
    static boolean installed(String kind) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, kind))) return true;
        }
        return false;
    }

    static List<String> args(String... a) {
        return new ArrayList<>(List.of(a));
    }
}
