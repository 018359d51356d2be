package dev.spamward.dcc.cli;

import dev.spamward.core.cli.UserException;
import dev.spamward.core.io.IoErrors;
import dev.spamward.dcc.checksum.DccChecksummer;
import dev.spamward.dcc.checksum.Fuz1Rules;
import dev.spamward.dcc.checksum.MessageChecksums;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The message argument ({@code FILE} or {@code -} for standard input) and envelope options, shared by the commands. */
final class MessageInput {
    @Parameters(index = "0", arity = "0..1", defaultValue = "-", paramLabel = "FILE",
            description = "The message (RFC 5322, LF or CRLF); '-' or nothing reads standard input.")
    String file;

    @Option(names = "--env-from", paramLabel = "ADDR",
            description = "SMTP MAIL FROM (default: mbox From line or Return-Path, as dccproc).")
    String envFrom;

    @Option(names = "--client-ip", paramLabel = "IP", description = "SMTP client address, adds the IP checksum.")
    String clientIp;

    @Option(names = "--fuz1", paramLabel = "2.3|1.3", defaultValue = "2.3",
            description = "FUZ1 rules of this dccproc version (default 2.3, what current servers use).")
    String fuz1;

    MessageChecksums checksums(long maxBytes) {
        byte[] msg = read(maxBytes);
        InetAddress ip = null;
        if (clientIp != null) {
            if (!clientIp.matches("[0-9A-Fa-f:.]+")) throw new UserException("--client-ip: not an IP address: " + clientIp, 2);
            try {
                ip = InetAddress.getByName(clientIp);
            } catch (IOException e) {
                throw new UserException("--client-ip: not an IP address: " + clientIp, 2);
            }
        }
        Fuz1Rules rules = switch (fuz1) {
            case "2.3" -> Fuz1Rules.DCC_2_3;
            case "1.3" -> Fuz1Rules.DCC_1_3;
            default -> throw new UserException("--fuz1: want 2.3 or 1.3, not " + fuz1, 2);
        };
        MessageChecksums sums = DccChecksummer.compute(msg, envFrom, ip, rules);
        if (sums.problem() != null) {
            throw new UserException(name() + ": no checksums, as dccproc: " + sums.problem(), 65);
        }
        return sums;
    }

    private String name() {
        return file.equals("-") ? "standard input" : file;
    }

    private byte[] read(long maxBytes) {
        try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (b.length > maxBytes) {
                throw new UserException(name() + ": larger than dcc.max_message_size (" + maxBytes + " bytes)", 2);
            }
            return b;
        } catch (IOException e) {
            throw new UserException(IoErrors.describe(name(), e), 2);
        }
    }
}
