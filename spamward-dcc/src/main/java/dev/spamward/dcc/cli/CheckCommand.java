package dev.spamward.dcc.cli;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.Config;
import dev.spamward.dcc.checksum.MessageChecksums;
import dev.spamward.dcc.client.DccClient;
import dev.spamward.dcc.client.DccException;
import dev.spamward.dcc.client.DccResult;
import dev.spamward.dcc.client.DccSettings;
import dev.spamward.dcc.client.Verdict;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code spamward dcc check}: query the servers without counting the message. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Ask the DCC servers how often the message was seen (like 'dccproc -C -Q').",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:not bulk (accept or unknown)", "1:bulk (reject)", "2:bad input",
                "3:no server answered", "65:message dccproc would not checksum"})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MessageInput input;

    @Override
    public Integer call() {
        Config config = CommandContext.config(spec);
        MessageChecksums sums = input.checksums(config.get(DccSettings.MAX_MESSAGE));
        DccClient client = Clients.create(config);
        try {
            DccResult r = client.check(sums);
            ResultPrinter.print(spec.commandLine().getOut(), sums, r, "0");
            return r.verdict() == Verdict.REJECT ? 1 : 0;
        } catch (DccException e) {
            throw new UserException(e.getMessage(), 3);
        }
    }
}
