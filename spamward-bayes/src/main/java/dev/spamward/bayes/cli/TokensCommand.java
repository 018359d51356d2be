package dev.spamward.bayes.cli;

import dev.spamward.bayes.tokenize.Tokens;
import dev.spamward.core.cli.Subcommand;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.io.IoErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spamward tokens FILE|-}: prints the tokens the classifier sees, one per line, in order. */
@Command(name = "tokens", mixinStandardHelpOptions = true, description = "Print the classifier's tokens of a message.")
public final class TokensCommand implements Callable<Integer>, Subcommand {

    @Mixin
    DbOption db;

    @Option(names = {"-u", "--distinct"}, description = "Each token once (as the classifier counts them).")
    boolean distinct;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The message (default: - for stdin).")
    String file = "-";

    @Override
    public Integer call() {
        byte[] msg;
        try {
            msg = MessageSource.read(file.equals("-") ? null : Path.of(file), dev.spamward.bayes.Bayes.maxMessageBytes(db.config()));
        } catch (IOException e) {
            throw new UserException(IoErrors.describe(file, e), 1);
        }
        Tokens t = dev.spamward.bayes.Bayes.tokenizer(db.config()).tokenize(msg);
        PrintWriter out = db.out();
        for (String tok : distinct ? t.distinct() : t.all()) out.println(tok);
        out.flush();
        for (String p : t.problems()) db.err().println("spamward: note: " + p);
        return 0;
    }
}
