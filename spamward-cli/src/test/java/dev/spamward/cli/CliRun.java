package dev.spamward.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@link Main} in-process and captures its exit code and output (CLI tests). */
record CliRun(int code, String out, String err) {

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
