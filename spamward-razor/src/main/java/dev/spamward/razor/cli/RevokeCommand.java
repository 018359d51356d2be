package dev.spamward.razor.cli;

import dev.spamward.core.cli.UserException;
import dev.spamward.razor.client.RazorException;
import dev.spamward.razor.client.ReportResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code spamward razor revoke}: revoke an earlier report (exit 0 done, 2 error). */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Tell the Razor nomination servers that a message is not spam.")
final class RevokeCommand extends NetworkCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "message file, or - for stdin")
    String file;

    @Override
    public Integer call() {
        byte[] message = MessageInput.read(file);
        try {
            ReportResult r = client().revoke(message, credentials());
            out().println("revoked at " + r.server() + ": " + r.signatures() + " signature(s), " + r.accepted()
                    + " accepted");
            out().flush();
            return 0;
        } catch (RazorException e) {
            throw new UserException(e.getMessage(), EXIT_ERROR);
        }
    }
}
