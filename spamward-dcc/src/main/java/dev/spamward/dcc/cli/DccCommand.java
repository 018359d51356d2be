package dev.spamward.dcc.cli;

import dev.spamward.core.cli.Subcommand;
import picocli.CommandLine.Command;

/** {@code spamward dcc}: the DCC client commands. */
@Command(name = "dcc", mixinStandardHelpOptions = true,
        description = "DCC (Distributed Checksum Clearinghouse) client: checksums, query, report, credentials.",
        subcommands = {SumsCommand.class, CheckCommand.class, ReportCommand.class, RegisterCommand.class})
public final class DccCommand implements Subcommand, Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
