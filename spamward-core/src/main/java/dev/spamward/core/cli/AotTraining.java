package dev.spamward.core.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * Work a module contributes to the launcher's AOT training run (found with
 * {@link java.util.ServiceLoader}): exercise the classes a short-lived command loads, such as parsing a
 * sample message, so that the JDK AOT cache holds them. Must not touch the network, and writes files only
 * in the scratch directory it is given.
 */
public interface AotTraining {

    /** Runs the module's representative work once. */
    void train();

    /**
     * Command lines (without the program name) the training run then executes through the real CLI, so that
     * option parsing, configuration and the command's own first-use work are recorded too.
     *
     * @param scratch an empty directory for the commands' files, deleted after the run
     */
    default List<List<String>> commands(Path scratch) {
        return List.of();
    }

    /**
     * Command lines that prepare {@link #messageCommands} (e.g. learn a sample database). They run in a JVM of
     * their own, unrecorded, so the per-message cache holds only what the per-message commands load.
     *
     * @param scratch a directory shared with {@link #messageCommands}
     */
    default List<List<String>> messagePreparation(Path scratch) {
        return List.of();
    }

    /**
     * Command lines a mail system runs once per message (such as {@code check} and {@code pass}): the
     * launcher gives those commands an AOT cache trained on these alone, because the JVM preloads every
     * class of its cache at start.
     *
     * @param scratch the directory {@link #messagePreparation} prepared
     */
    default List<List<String>> messageCommands(Path scratch) {
        return List.of();
    }
}
