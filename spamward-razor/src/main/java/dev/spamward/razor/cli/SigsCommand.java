package dev.spamward.razor.cli;

import dev.spamward.razor.sig.Ephemeral;
import dev.spamward.razor.sig.Signer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code spamward razor sigs FILE|-}: the signatures per part, in razor-check -H's format. No network. */
@Command(name = "sigs", mixinStandardHelpOptions = true,
        description = "Print the Razor2 signatures of a message per body part (like razor-check -H).")
final class SigsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "message file, or - for stdin")
    String file;

    @Option(names = "--ep4", description = "engine-4 parameter seed-separator (default ${DEFAULT-VALUE})")
    String ep4 = Ephemeral.DEFAULT_EP4;

    @Override
    public Integer call() {
        var sigs = new Signer().sign(MessageInput.read(file), ep4);
        for (String line : sigs.printable(1)) spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
