package dev.spamward.razor.cli;

import dev.spamward.core.cli.UserException;
import dev.spamward.razor.client.Credentials;
import dev.spamward.razor.client.RazorException;
import dev.spamward.razor.client.RazorSettings;
import dev.spamward.razor.identity.IdentityStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code spamward razor register}: obtains an identity from a nomination server, stores it in the Razor home
 * like {@code razor-admin -register}, and prints {@code RAZOR_USER=} / {@code RAZOR_PASS=} lines.
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Register a Razor identity, save it in the Razor home and print RAZOR_USER=/RAZOR_PASS= lines.")
class RegisterCommand extends NetworkCommand implements Callable<Integer> {
    @Option(names = "--user", description = "wanted user name (default: the server chooses)")
    String user;

    @Option(names = "--pass", description = "wanted password (default: the server chooses)")
    String pass;

    @Option(names = "--no-save", description = "only print the credentials, write no identity file")
    boolean noSave;

    @Option(names = "--activate", description = "point HOME/identity at the new identity even if it exists")
    boolean activate;

    @Override
    public Integer call() {
        try {
            Credentials c = client().register(user, pass);
            if (!noSave) {
                Path home = RazorSettings.home(config());
                Path file = new IdentityStore(home).save(c, activate);
                spec.commandLine().getErr().println("identity stored in " + file);
            }
            out().println("RAZOR_USER=" + c.user());
            out().println("RAZOR_PASS=" + c.pass());
            out().flush();
            return 0;
        } catch (RazorException e) {
            throw new UserException(e.getMessage(), EXIT_ERROR);
        } catch (IOException e) {
            throw new UserException("cannot store the identity: " + e.getMessage(), EXIT_ERROR);
        }
    }
}
