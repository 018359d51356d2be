package dev.spamward.razor.cli;

import dev.spamward.core.cli.UserException;
import dev.spamward.razor.client.CheckResult;
import dev.spamward.razor.client.RazorException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spamward razor check}: exit 0 when the message is known spam, 1 when not, 2 on error (razor-check). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Ask the Razor catalogue servers whether a message is known spam. Exit 0: spam, 1: not, 2: error.")
final class CheckCommand extends NetworkCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "message file, or - for stdin")
    String file;

    @Option(names = {"-v", "--verbose"}, description = "print the server's answer per signature")
    boolean verbose;

    @Override
    public Integer call() {
        byte[] message = MessageInput.read(file);
        try {
            CheckResult r = client().check(message);
            if (verbose) {
                for (CheckResult.Part p : r.parts()) {
                    for (CheckResult.Answer a : p.answers()) {
                        out().println("1." + p.index() + " e" + a.engine() + ": " + a.signature() + " " + a.fields()
                                + (a.spam() ? " spam" : ""));
                    }
                }
                out().println(r.spam() ? "spam (min_cf " + r.minConfidence() + ")" : "not spam");
                out().flush();
            }
            return r.spam() ? 0 : 1;
        } catch (RazorException e) {
            throw new UserException(e.getMessage(), EXIT_ERROR);
        }
    }
}
