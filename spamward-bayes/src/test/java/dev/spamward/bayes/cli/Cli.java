package dev.spamward.bayes.cli;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.Subcommand;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Runs the module's subcommands under a minimal root (as spamward-cli's Main does), capturing output. */
final class Cli {
    record Result(int exit, String out, String err, byte[] stdout) {
    }

    @Command(name = "spamward")
    static final class Root implements CommandContext {
        private final List<String> flags;

        Root(List<String> flags) {
            this.flags = flags;
        }

        @Override
        public Config config() {
            return new ConfigLoader(ConfigSchema.discover()).load(null, Map.of(), flags);
        }
    }

    private Cli() {
    }

    static Result run(byte[] stdin, String... args) {
        return run(stdin, List.of(), args);
    }

    static synchronized Result run(byte[] stdin, List<String> flags, String... args) {
        CommandLine cl = new CommandLine(new Root(flags));
        for (Subcommand s : ServiceLoader.load(Subcommand.class)) {
            if (s.getClass().getName().startsWith("dev.spamward.bayes")) cl.addSubcommand(dev.spamward.core.cli.Specs.model(s));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            if (ex instanceof UserException u) {
                System.err.println("spamward: " + u.getMessage());
                return u.exitCode();
            }
            throw ex;
        });
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        ByteArrayOutputStream rawErr = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin == null ? new byte[0] : stdin));
            System.setOut(new PrintStream(raw, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(rawErr, true, StandardCharsets.UTF_8));
            int rc = cl.execute(args);
            System.out.flush();
            System.err.flush();
            return new Result(rc, out + raw.toString(StandardCharsets.UTF_8), err + rawErr.toString(StandardCharsets.UTF_8),
                    raw.toByteArray());
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
