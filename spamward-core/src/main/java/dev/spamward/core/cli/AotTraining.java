package dev.spamward.core.cli;

/**
 * Work a module contributes to the launcher's AOT training run (found with
 * {@link java.util.ServiceLoader}): exercise the classes a short-lived command loads, such as parsing a
 * sample message, so that the JDK AOT cache holds them. Must not touch the network or write files.
 */
public interface AotTraining {

    /** Runs the module's representative work once. */
    void train();
}
