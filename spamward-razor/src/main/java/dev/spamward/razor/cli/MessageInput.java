package dev.spamward.razor.cli;

import dev.spamward.core.cli.UserException;
import dev.spamward.core.io.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the message named on the command line ({@code -} or nothing: standard input), with a size limit. */
final class MessageInput {
    /** Larger input is refused rather than buffered without bound. */
    static final int MAX_BYTES = 64 << 20;

    private MessageInput() {
    }

    static byte[] read(String name) {
        try {
            if (name == null || name.equals("-")) return readLimited(System.in, "standard input");
            try (InputStream in = Files.newInputStream(Path.of(name))) {
                return readLimited(in, name);
            }
        } catch (IOException e) {
            throw new UserException("cannot read " + IoErrors.describe(name, e), 2);
        }
    }

    private static byte[] readLimited(InputStream in, String what) throws IOException {
        byte[] data = in.readNBytes(MAX_BYTES + 1);
        if (data.length > MAX_BYTES) throw new UserException(what + " is larger than " + MAX_BYTES + " bytes", 2);
        return data;
    }
}
