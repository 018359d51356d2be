package dev.spamward.razor.cli;

import dev.spamward.core.cli.UserException;
import dev.spamward.razor.client.RazorException;
import dev.spamward.razor.client.ReportResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code spamward razor report}: report a message as spam (exit 0 done, 2 error). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Report a message as spam to the Razor nomination servers (uploads it if asked).")
final class ReportCommand extends NetworkCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "message file, or - for stdin")
    String file;

    @Override
    public Integer call() {
        byte[] message = MessageInput.read(file);
        try {
            ReportResult r = client().report(message, credentials());
            out().println("reported to " + r.server() + ": " + r.signatures() + " signature(s), " + r.partsWanted()
                    + " part(s) wanted, " + r.uploads() + " upload(s)");
            out().flush();
            return 0;
        } catch (RazorException e) {
            throw new UserException(e.getMessage(), EXIT_ERROR);
        }
    }
}
