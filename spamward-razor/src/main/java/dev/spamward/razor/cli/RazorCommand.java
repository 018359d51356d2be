package dev.spamward.razor.cli;

import dev.spamward.core.cli.Subcommand;
import picocli.CommandLine.Command;

/** {@code spamward razor ...}: the Razor2 client on the command line, with razor-check's exit codes. */
@Command(name = "razor", mixinStandardHelpOptions = true,
        description = "Razor2 client: signatures, check, report, revoke, register.",
        subcommands = {SigsCommand.class, CheckCommand.class, ReportCommand.class, RevokeCommand.class,
            RegisterCommand.class})
public final class RazorCommand implements Subcommand, Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
