package dev.spamward.core.cli;

import dev.spamward.core.config.Config;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the root command offers to every subcommand: the effective configuration (file, environment and
 * {@code --set} flags merged and validated) loaded on first use.
 */
public interface CommandContext {

    /** The validated configuration; throws {@link dev.spamward.core.config.ConfigException} on a bad one. */
    Config config();

    /**
     * Reads the configuration again from the same file, environment and flags (for a reload on SIGHUP) and
     * makes it the one {@link #config()} returns; throws {@link dev.spamward.core.config.ConfigException} on a
     * bad one, keeping the previous.
     */
    default Config reload() {
        throw new UnsupportedOperationException("this command context cannot reload its configuration");
    }

    /** The context of the root command of {@code spec}, for a subcommand's {@code @Spec} field. */
    static CommandContext of(CommandSpec spec) {
        Object root = spec.root().userObject();
        if (root instanceof CommandContext ctx) return ctx;
        throw new CommandLine.ExecutionException(spec.commandLine(), "command is not run under the spamward root");
    }

    /** Shorthand for {@code of(spec).config()}. */
    static Config config(CommandSpec spec) {
        return of(spec).config();
    }
}
