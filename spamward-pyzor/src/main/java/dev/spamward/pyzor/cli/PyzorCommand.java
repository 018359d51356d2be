package dev.spamward.pyzor.cli;

import dev.spamward.core.cli.Subcommand;
import picocli.CommandLine.Command;

/** {@code spamward pyzor ...}: the Pyzor client commands, with pyzor 1.0's output and exit codes. */
@Command(name = "pyzor", mixinStandardHelpOptions = true,
        description = "Pyzor client: digest messages and check, report or whitelist them on Pyzor servers.",
        subcommands = {PyzorCommands.Check.class, PyzorCommands.Report.class, PyzorCommands.Whitelist.class,
            PyzorCommands.Info.class, PyzorCommands.Ping.class, PyzorCommands.Digest.class, PyzorCommands.Predigest.class,
            PyzorKeyCommands.Genkey.class, PyzorKeyCommands.Register.class},
        footer = {"", "Exit status as pyzor: check 0 = spam, 1 = not spam (or a server failed);"
                + " report/whitelist/info/ping 0 = every server answered 200, else 1.",
            "Servers and accounts come from the pyzor home folder (--homedir, pyzor.homedir; default ~/.pyzor)."})
public final class PyzorCommand implements Subcommand {
}
