package dev.spamward.bayes.cli;

import dev.spamward.bayes.store.Label;
import dev.spamward.core.cli.Subcommand;
import dev.spamward.core.cli.UserException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spamward gonzo -ham|-spam|-check|-pass [-in FILE] [-out FILE] [-db PATH]}: gonzofilter's command
 * protocol unchanged (exit 10 ham / 11 spam for {@code -check}), so that its TOE scripts and mail setups
 * can drive Spamward.
 */
@Command(name = "gonzo", mixinStandardHelpOptions = true,
        description = "gonzofilter-compatible protocol: -ham|-spam|-check|-pass with -in FILE (exit 10 ham, 11 spam).")
public final class GonzoCommand implements Callable<Integer>, Subcommand {

    @Mixin
    DbOption db;

    static final class Action {
        @Option(names = "-ham", required = true, description = "Learn as ham.")
        boolean ham;

        @Option(names = "-spam", required = true, description = "Learn as spam.")
        boolean spam;

        @Option(names = "-check", required = true, description = "Classify: exit 10 ham, 11 spam.")
        boolean check;

        @Option(names = "-pass", required = true, description = "Pass through with X-Spamward-* fields.")
        boolean pass;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    @Option(names = "-in", paramLabel = "FILE", description = "Input message (default: stdin).")
    String in = "-";

    @Option(names = "-out", paramLabel = "FILE", description = "Output for -pass (default: stdout).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!in.equals("-") && java.nio.file.Files.isDirectory(Path.of(in))) {
            // gonzofilter reads one message; learning a whole tree by mistake is not undone easily
            throw new UserException(in + " is a directory; -in takes one message file", 1);
        }
        if (action.check) {
            CheckCommand c = new CheckCommand();
            c.db = db;
            c.paths = List.of(in);
            int rc = c.call();
            return rc == CheckCommand.EXIT_UNSURE ? CheckCommand.EXIT_HAM : rc;
        }
        if (action.pass) {
            PassCommand p = new PassCommand();
            p.db = db;
            p.in = in.equals("-") ? null : Path.of(in);
            p.outFile = out;
            return p.call();
        }
        LearnCommand l = new LearnCommand();
        l.db = db;
        l.quiet = true;
        l.paths = List.of(in);
        int rc = l.run(action.spam ? Label.SPAM : Label.HAM);
        if (rc != 0) throw new UserException("learning " + in + " failed", 1);
        return 0;
    }
}
