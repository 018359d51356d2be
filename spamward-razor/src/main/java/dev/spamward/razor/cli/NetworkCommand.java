package dev.spamward.razor.cli;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.Config;
import dev.spamward.razor.client.Credentials;
import dev.spamward.razor.client.RazorClient;
import dev.spamward.razor.client.RazorSettings;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Shared plumbing of the commands that talk to Razor servers. */
abstract class NetworkCommand {
    /** razor-check's exit code for errors. */
    static final int EXIT_ERROR = 2;

    @Spec
    CommandSpec spec;

    Config config() {
        return CommandContext.config(spec);
    }

    RazorClient client() {
        return new RazorClient(RazorSettings.options(config()));
    }

    Credentials credentials() {
        try {
            return RazorSettings.credentials(config()).orElseThrow(() -> new UserException(
                    "no Razor identity: set razor.user and razor.pass (RAZOR_USER, RAZOR_PASS[_FILE]) or run"
                            + " 'spamward razor register' (home " + RazorSettings.home(config()) + ")", EXIT_ERROR));
        } catch (IOException e) {
            throw new UserException("cannot read the Razor identity: " + e.getMessage(), EXIT_ERROR);
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
