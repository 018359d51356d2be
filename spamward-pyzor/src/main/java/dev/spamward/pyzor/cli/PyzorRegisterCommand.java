package dev.spamward.pyzor.cli;

import dev.spamward.core.cli.Subcommand;
import picocli.CommandLine.Command;

/**
 * {@code spamward pyzor-register}: gozer's command name for {@code spamward pyzor register}: appends the
 * account to the accounts file of {@code pyzor.homedir} (PYZOR_HOME), where {@code spamward serve} reads
 * it, and prints {@code KEY=value} lines. gozer's {@code --key salt,key} is not accepted: the key is
 * always derived from a passphrase, as {@code pyzor genkey} does.
 */
@Command(name = "pyzor-register", mixinStandardHelpOptions = true,
        description = {"Alias of 'spamward pyzor register' (gozer's name): add an account for USER to the accounts"
                + " file of pyzor.homedir (PYZOR_HOME) that 'spamward serve' reads, and print KEY=value lines."})
public final class PyzorRegisterCommand extends PyzorKeyCommands.Register implements Subcommand {
}
