package dev.spamward.razor.cli;

import dev.spamward.core.cli.Subcommand;
import picocli.CommandLine.Command;

/**
 * {@code spamward razor-register}: gozer's command name for {@code spamward razor register} (same options,
 * same behaviour): the identity goes to {@code razor.home} (RAZORHOME), where {@code spamward serve} reads
 * it for {@code /report} and {@code /revoke}, and {@code RAZOR_USER=}/{@code RAZOR_PASS=} lines are printed.
 */
@Command(name = "razor-register", mixinStandardHelpOptions = true,
        description = {"Alias of 'spamward razor register' (gozer's name): register a Razor identity, save it in"
                + " razor.home (RAZORHOME) where 'spamward serve' reads it, and print RAZOR_USER=/RAZOR_PASS= lines."})
public final class RazorRegisterCommand extends RegisterCommand implements Subcommand {
}
