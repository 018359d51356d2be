package dev.spamward.dcc.cli;

import dev.spamward.core.cli.Subcommand;
import picocli.CommandLine.Command;

/**
 * {@code spamward dcc-register}: gozer's command name for {@code spamward dcc register} (also gozer's
 * {@code --client-id} and {@code --out}; the password is read from a file or standard input, never from
 * the command line, so gozer's {@code --passwd} is not accepted).
 */
@Command(name = "dcc-register", mixinStandardHelpOptions = true,
        description = {"Alias of 'spamward dcc register' (gozer's name): store a DCC client id and password in the"
                + " ids file 'spamward serve' reads (dcc.ids_file) and print DCC_CLIENT_ID= and DCC_CLIENT_PASSWD= lines."})
public final class DccRegisterCommand extends RegisterCommand implements Subcommand {
}
