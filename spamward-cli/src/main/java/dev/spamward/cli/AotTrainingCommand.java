package dev.spamward.cli;

import dev.spamward.core.cli.AotTraining;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden {@code spamward aot-training}: the launcher runs it once per jar with {@code -XX:AOTCacheOutput}
 * so that the JDK's AOT cache holds the classes the short-lived commands load (picocli, configuration,
 * logging, the mail parser).
 */
@Command(name = "aot-training", hidden = true, description = "Exercise the common code paths (used to build the AOT cache).")
public final class AotTrainingCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        StringWriter sink = new StringWriter();
        PrintWriter out = new PrintWriter(sink);
        Main.run(new String[] {"version"}, out, out);
        Main.run(new String[] {"config"}, out, out);
        Main.run(new String[] {"--help"}, out, out);
        for (AotTraining t : ServiceLoader.load(AotTraining.class)) {
            t.train(); // modules contribute their own representative work (e.g. parsing a sample message)
        }
        return 0;
    }
}
