package dev.spamward.cli;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.config.ConfigPrinter;
import dev.spamward.core.config.ConfigSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spamward config}: the effective configuration with each value's origin, secrets masked. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective configuration with where each value comes from (secrets masked).")
public final class ConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--keys", description = "Print every known key with its syntax, default and variable instead.")
    boolean keys;

    @Override
    public Integer call() {
        if (keys) {
            spec.commandLine().getOut().print(ConfigPrinter.reference(ConfigSchema.discover()));
        } else {
            spec.commandLine().getOut().print(ConfigPrinter.render(CommandContext.config(spec)));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
