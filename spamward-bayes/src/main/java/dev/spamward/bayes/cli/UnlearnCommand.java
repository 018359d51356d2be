package dev.spamward.bayes.cli;

import dev.spamward.core.cli.Subcommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spamward unlearn PATH...}: removes learned messages again (to correct a mistake). */
@Command(name = "unlearn", mixinStandardHelpOptions = true,
        description = "Remove previously learned messages from the token database (whatever class they were learned as).")
public final class UnlearnCommand implements Callable<Integer>, Subcommand {

    @Mixin
    DbOption db;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary.")
    boolean quiet;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Message files, directories, mbox files; - is stdin.")
    List<String> paths;

    @Override
    public Integer call() {
        LearnCommand l = new LearnCommand();
        l.db = db;
        l.quiet = quiet;
        l.paths = paths;
        return l.run(null);
    }
}
