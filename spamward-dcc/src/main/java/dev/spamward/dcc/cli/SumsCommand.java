package dev.spamward.dcc.cli;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.dcc.client.DccSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code spamward dcc sums}: print a message's checksums in {@code dccproc -C} layout. No network. */
@Command(name = "sums", mixinStandardHelpOptions = true,
        description = "Print the message's DCC checksums as 'dccproc -C -Q' does (no server is asked).")
final class SumsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MessageInput input;

    @Override
    public Integer call() {
        long max = CommandContext.config(spec).get(DccSettings.MAX_MESSAGE);
        spec.commandLine().getOut().print(input.checksums(max).format());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
