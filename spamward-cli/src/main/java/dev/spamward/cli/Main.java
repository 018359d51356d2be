package dev.spamward.cli;

import dev.spamward.core.cli.CodedSubcommand;
import dev.spamward.core.cli.Specs;
import dev.spamward.core.cli.Subcommand;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.ConfigException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The only entry point of Spamward: {@code spamward [global options] COMMAND ...}. */
public final class Main {
    /** Built-in subcommands by name: added only when named, or for help and errors. */
    private static final Map<String, Supplier<Object>> BUILT_IN = new LinkedHashMap<>();

    static {
        BUILT_IN.put("version", VersionCommand::new);
        BUILT_IN.put("config", ConfigCommand::new);
        BUILT_IN.put("aot-training", AotTrainingCommand::new);
    }

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        int rc = run(args, out, new PrintWriter(System.err, true));
        // PrintStream and PrintWriter swallow write errors: output lost to a full disk or a closed pipe must not
        // look like success (a failure the command reported itself, or a result code such as check's 10/11, stays)
        if ((out.checkError() || System.out.checkError()) && rc == 0) {
            System.err.println("spamward: cannot write to standard output (disk full or pipe closed?)");
            rc = 1;
        }
        System.exit(rc);
    }

    /** Runs one command line and returns its exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        EarlyLogging.configure(args, System.getenv(), firstWord(args));
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
     * The root command for this command line. Building a picocli model from annotations costs reflection on
     * every option of every nested command, so when the arguments name a subcommand only that one is added,
     * and a {@link CodedSubcommand} is found without reading any annotation; help, errors and unknown names
     * get all of them.
     */
    static CommandLine commandLine(String[] args) {
        String wanted = firstWord(args);
        CommandLine cl = new CommandLine(new SpamwardCommand().spec());
        if (wanted != null && BUILT_IN.containsKey(wanted)) {
            cl.addSubcommand(BUILT_IN.get(wanted).get());
        } else if (!addNamed(cl, wanted)) {
            BUILT_IN.values().forEach(c -> cl.addSubcommand(c.get()));
            ServiceLoader.load(Subcommand.class).stream().forEach(p -> cl.addSubcommand(Specs.model(p.get())));
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

    /** Adds the module subcommand named {@code wanted}; false when there is none. */
    private static boolean addNamed(CommandLine cl, String wanted) {
        if (wanted == null) return false;
        List<ServiceLoader.Provider<Subcommand>> providers = ServiceLoader.load(Subcommand.class).stream().toList();
        for (ServiceLoader.Provider<Subcommand> p : providers) { // coded ones first: no annotation is read
            if (!CodedSubcommand.class.isAssignableFrom(p.type())) continue;
            CommandSpec spec = ((CodedSubcommand) p.get()).spec();
            if (spec.name().equals(wanted) || Arrays.asList(spec.aliases()).contains(wanted)) {
                cl.addSubcommand(spec);
                return true;
            }
        }
        for (ServiceLoader.Provider<Subcommand> p : providers) {
            if (CodedSubcommand.class.isAssignableFrom(p.type())) continue;
            Command c = p.type().getAnnotation(Command.class);
            if (c != null && (c.name().equals(wanted) || Arrays.asList(c.aliases()).contains(wanted))) {
                cl.addSubcommand(p.get());
                return true;
            }
        }
        return false;
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
