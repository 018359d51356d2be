package dev.spamward.pyzor.cli;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.io.IoErrors;
import dev.spamward.pyzor.client.PyzorClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options shared by the pyzor subcommands (the names of pyzor's own options where they exist). */
class PyzorOptions {
    /** EX_DATAERR: the input is not acceptable. */
    static final int EX_DATAERR = 65;
    /** EX_NOINPUT: the input cannot be read. */
    static final int EX_NOINPUT = 66;

    @Spec
    CommandSpec spec;

    @Option(names = {"--homedir", "--home"}, paramLabel = "DIR", description = "Pyzor home folder (servers, accounts); overrides pyzor.homedir.")
    Path homedir;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Reply timeout in seconds; overrides pyzor.timeout.")
    Integer timeout;

    @Option(names = {"-r", "--report-threshold"}, paramLabel = "N", description = "Overrides pyzor.report_threshold.")
    Integer reportThreshold;

    @Option(names = {"-w", "--whitelist-threshold"}, paramLabel = "N", description = "Overrides pyzor.whitelist_threshold.")
    Integer whitelistThreshold;

    PyzorClient client() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return PyzorClient.fromConfig(CommandContext.config(spec), overrides(), w -> err.println("spamward pyzor: warning: " + w));
        } catch (IllegalArgumentException e) {
            throw new UserException("pyzor: " + e.getMessage(), 78);
        } catch (java.io.UncheckedIOException e) {
            throw new UserException("pyzor: cannot read the pyzor home files: " + e.getCause().getMessage(), EX_NOINPUT);
        }
    }

    PyzorClient.Overrides overrides() {
        if (timeout != null && timeout <= 0) throw new UserException("pyzor: --timeout must be positive", 2);
        return new PyzorClient.Overrides(homedir, timeout == null ? null : Duration.ofSeconds(timeout), reportThreshold,
                whitelistThreshold);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Reads FILE or standard input ({@code -}), refusing more than {@code max} bytes. */
    static byte[] readInput(String file, long max) {
        try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (data.length > max) {
                throw new UserException("pyzor: " + (file.equals("-") ? "standard input" : file) + " is larger than pyzor.max_message_size ("
                        + max + " bytes)", EX_DATAERR);
            }
            return data;
        } catch (IOException e) {
            throw new UserException("pyzor: cannot read " + IoErrors.describe(file, e), EX_NOINPUT);
        }
    }
}
