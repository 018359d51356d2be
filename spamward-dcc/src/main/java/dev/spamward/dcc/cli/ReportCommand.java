package dev.spamward.dcc.cli;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.Config;
import dev.spamward.dcc.checksum.MessageChecksums;
import dev.spamward.dcc.client.DccClient;
import dev.spamward.dcc.client.DccException;
import dev.spamward.dcc.client.DccResult;
import dev.spamward.dcc.client.DccSettings;
import dev.spamward.dcc.proto.Targets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spamward dcc report}: count the message (optionally as spam) and print the answer. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Report the message to a DCC server (like 'dccproc -C'; --spam like 'dccproc -t many').",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:reported", "2:bad input", "3:no server answered", "65:message dccproc would not checksum"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MessageInput input;

    @Option(names = "--spam", description = "Flag the report as spam (tgts = 0x01000000 | targets, as dccproc -t many).")
    boolean spam;

    @Option(names = "--targets", paramLabel = "N", description = "Recipients to count (default dcc.report_targets).")
    String targets;

    @Override
    public Integer call() {
        Config config = CommandContext.config(spec);
        int n;
        try {
            n = targets == null ? config.get(DccSettings.REPORT_TARGETS) : Targets.parse(targets);
        } catch (IllegalArgumentException e) {
            throw new UserException("--targets: " + e.getMessage(), 2);
        }
        if (n < 1) throw new UserException("--targets: a report counts at least 1 recipient", 2);
        MessageChecksums sums = input.checksums(config.get(DccSettings.MAX_MESSAGE));
        DccClient client = Clients.create(config);
        try {
            DccResult r = client.report(sums, n, spam);
            ResultPrinter.print(spec.commandLine().getOut(), sums, r, Targets.format(n) + (spam ? " spam" : ""));
            return 0;
        } catch (DccException e) {
            throw new UserException(e.getMessage(), 3);
        }
    }
}
