package dev.spamward.cli;

import dev.spamward.core.cli.Subcommand;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.ConfigException;
import java.io.PrintWriter;
import java.util.ServiceLoader;
import picocli.CommandLine;

/** The only entry point of Spamward: {@code spamward [global options] COMMAND ...}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line and returns its exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** The root command with every module's subcommand attached. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SpamwardCommand());
        for (Subcommand sub : ServiceLoader.load(Subcommand.class)) {
            cl.addSubcommand(sub);
        }
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // Expected errors (bad configuration, unreadable input) get one clear line, no stack trace.
            if (ex instanceof ConfigException || ex instanceof UserException) {
                commandLine.getErr().println("spamward: " + ex.getMessage());
                return ex instanceof UserException u ? u.exitCode() : 78; // EX_CONFIG
            }
            throw ex;
        });
        return cl;
    }
}
