package dev.spamward.cli;

import dev.spamward.core.cli.AotTraining;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * Hidden {@code spamward aot-training}: the launcher runs it once per jar with {@code -XX:AOTCacheOutput}
 * so that the JDK's AOT cache holds the classes the short-lived commands load (picocli, configuration,
 * logging, the mail parser) and what the modules' own command lines use (e.g. {@code check} on a real
 * token database).
 */
@Command(name = "aot-training", hidden = true, description = "Exercise the common code paths (used to build the AOT cache).")
public final class AotTrainingCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        StringWriter sink = new StringWriter();
        PrintWriter out = new PrintWriter(sink);
        Main.run(new String[] {"version"}, out, out);
        Main.run(new String[] {"config"}, out, out);
        Main.run(new String[] {"--help"}, out, out);
        Path scratch = Files.createTempDirectory("spamward-aot-training");
        try {
            for (AotTraining t : ServiceLoader.load(AotTraining.class)) {
                t.train(); // modules contribute their own representative work (e.g. parsing a sample message)
                for (List<String> command : t.commands(Files.createTempDirectory(scratch, "module"))) {
                    Main.run(command.toArray(String[]::new), out, out);
                }
            }
        } finally {
            deleteTree(scratch);
        }
        return 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
