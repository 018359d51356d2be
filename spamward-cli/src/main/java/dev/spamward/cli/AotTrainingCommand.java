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
import picocli.CommandLine.Option;

/**
 * Hidden {@code spamward aot-training}: the launcher runs it once per jar with {@code -XX:AOTCacheOutput}
 * so that the JDK's AOT cache holds the classes the short-lived commands load (picocli, configuration,
 * logging, the mail parser) and what the modules' own command lines use (e.g. {@code check} on a real
 * token database). With {@code --message} it runs the modules' per-message command lines instead
 * ({@link AotTraining#messageCommands}), for the cache of {@code check} and {@code pass}; the launcher runs their
 * preparation first in another JVM ({@code --prepare --scratch DIR}) so that the cache holds just what they load.
 */
@Command(name = "aot-training", hidden = true, description = "Exercise the common code paths (used to build the AOT cache).")
public final class AotTrainingCommand implements Callable<Integer> {

    @Option(names = "--message", description = "Train the per-message commands' cache (check, pass) instead.")
    boolean message;

    @Option(names = "--scratch", paramLabel = "DIR", description = "With --message: the modules' files (kept).")
    Path scratchDir;

    @Option(names = "--prepare", description = "With --message: run the preparing command lines only.")
    boolean prepare;

    @Override
    public Integer call() throws IOException {
        StringWriter sink = new StringWriter();
        PrintWriter out = new PrintWriter(sink);
        if (!message) {
            Main.run(new String[] {"version"}, out, out);
            Main.run(new String[] {"config"}, out, out);
            Main.run(new String[] {"--help"}, out, out);
        }
        Path scratch = scratchDir != null ? Files.createDirectories(scratchDir) : Files.createTempDirectory("spamward-aot-training");
        try {
            int module = 0;
            for (AotTraining t : ServiceLoader.load(AotTraining.class)) {
                Path dir = Files.createDirectories(scratch.resolve("module-" + module++));
                List<List<String>> commands;
                if (!message) {
                    t.train(); // modules contribute their own work (e.g. parsing a sample message)
                    commands = t.commands(dir);
                } else if (prepare) {
                    commands = t.messagePreparation(dir);
                } else {
                    if (scratchDir == null) run(t.messagePreparation(dir), out);
                    commands = t.messageCommands(dir);
                }
                run(commands, out);
            }
        } finally {
            if (scratchDir == null) deleteTree(scratch);
        }
        return 0;
    }

    private static void run(List<List<String>> commands, PrintWriter out) {
        for (List<String> command : commands) Main.run(command.toArray(String[]::new), out, out);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
