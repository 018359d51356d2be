package dev.spamward.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code spamward version}: version, Java version and build commit. */
@Command(name = "version", description = "Print the Spamward version, Java version and build commit.")
public final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : new BuildInfo().getVersion()) spec.commandLine().getOut().println(line);
        return 0;
    }
}
