package dev.spamward.core.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * A {@link Subcommand} that builds its picocli model in code instead of from annotations. Reading annotations
 * costs a short-lived JVM some 40 ms (annotation proxies are generated at run time and picocli's reflection runs
 * in the interpreter), which matters for commands a mail system runs once per message, such as {@code check}
 * and {@code pass}. The CLI recognises these by type and by {@link CommandSpec#name() name} without reading any
 * annotation. Build the model with {@link Specs}.
 */
public interface CodedSubcommand extends Subcommand {

    /** This command's model, with {@code this} as its user object ({@link Specs#command}). */
    CommandSpec spec();
}
