package dev.spamward.core.cli;

/**
 * Marker for a picocli {@code @Command} class that becomes a subcommand of {@code spamward}. Modules
 * register their top-level command classes in
 * {@code META-INF/services/dev.spamward.core.cli.Subcommand}; the CLI finds them with
 * {@link java.util.ServiceLoader}, so adding a module needs no change to the CLI module.
 *
 * <p>Commands get the effective configuration through {@link CommandContext#config(picocli.CommandLine.Model.CommandSpec)}.
 */
public interface Subcommand {
}
