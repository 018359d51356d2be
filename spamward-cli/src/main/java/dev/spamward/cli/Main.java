package dev.spamward.cli;

import dev.spamward.core.cli.Subcommand;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.ConfigException;
import java.io.PrintWriter;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The only entry point of Spamward: {@code spamward [global options] COMMAND ...}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line and returns its exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        EarlyLogging.configure(args, System.getenv());
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** The root command with every module's subcommand attached. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The root command for this command line. Building a picocli model costs reflection on every option
     * of every nested command, so when the arguments name a module's subcommand only that one is built;
     * help, errors and unknown names get all of them.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new SpamwardCommand());
        String wanted = firstWord(args);
        List<ServiceLoader.Provider<Subcommand>> providers = ServiceLoader.load(Subcommand.class).stream().toList();
        ServiceLoader.Provider<Subcommand> match = null;
        for (ServiceLoader.Provider<Subcommand> p : providers) {
            Command c = p.type().getAnnotation(Command.class);
            if (c != null && (c.name().equals(wanted) || java.util.Arrays.asList(c.aliases()).contains(wanted))) match = p;
        }
        if (match != null) {
            cl.addSubcommand(match.get());
        } else if (wanted != null && cl.getSubcommands().containsKey(wanted)) {
            // A built-in subcommand (version, config): no module command is needed.
        } else {
            for (ServiceLoader.Provider<Subcommand> p : providers) cl.addSubcommand(p.get());
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

    /** The first argument that is not an option or an option's value, or null. */
    private static String firstWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--config") || a.equals("--set") || a.equals("-o") || a.equals("--log-level")) {
                i++; // skip the option's value
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }
}
