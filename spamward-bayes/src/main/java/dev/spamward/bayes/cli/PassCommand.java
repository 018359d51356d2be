package dev.spamward.bayes.cli;

import dev.spamward.bayes.Bayes;
import dev.spamward.bayes.Classification;
import dev.spamward.core.cli.CodedSubcommand;
import dev.spamward.core.cli.Specs;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.io.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code spamward pass}: reads a message on stdin and writes it to stdout with {@code X-Spamward-Verdict}
 * and {@code X-Spamward-Score} added at the end of the header section. Whatever goes wrong inside
 * (missing database, a bug), the original message is written byte for byte with an
 * {@code X-Spamward-Error} field, and the exit status is 0, so that a delivery pipe never loses mail.
 */
public final class PassCommand implements Callable<Integer>, CodedSubcommand {
    DbOption db;
    Path in;
    Path outFile;

    @Override
    public CommandSpec spec() {
        CommandSpec spec = Specs.command(this, "pass",
                "Filter a message from stdin to stdout, adding X-Spamward-* header fields (exit 0 even when classifying fails; "
                        + "75, EX_TEMPFAIL, when the message cannot be read or written whole).");
        db = DbOption.addTo(spec);
        spec.addOption(Specs.option(Path.class, "FILE", v -> in = v,
                "Read the message from FILE instead of stdin.", "-in", "--in").build());
        spec.addOption(Specs.option(Path.class, "FILE", v -> outFile = v,
                "Write to FILE instead of stdout.", "-out", "--out").build());
        return spec;
    }

    /**
     * Holds at most {@code bayes.max_message_size + 1} bytes: a longer message is classified on that start, which
     * is written with the fields added, and the rest is copied through as it is read. Only when even the header
     * section is longer than that is the message passed on unchanged, without fields.
     */
    /** sysexits' EX_TEMPFAIL: an MTA (Postfix pipe, procmail) keeps the message and tries again. */
    static final int EX_TEMPFAIL = 75;

    @Override
    public Integer call() throws IOException {
        long max;
        try {
            max = Bayes.maxMessageBytes(db.config());
        } catch (RuntimeException e) {
            max = 2L << 20; // the configuration is reported by classifying; the limit must not stop the message
        }
        InputStream is;
        try {
            is = in == null ? System.in : Files.newInputStream(in);
        } catch (IOException e) {
            throw new UserException(IoErrors.describe(in.toString(), e) + " (nothing was written)", EX_TEMPFAIL);
        }
        OutputStream os;
        try {
            os = outFile == null ? System.out : Files.newOutputStream(outFile);
        } catch (IOException e) {
            if (in != null) closeQuietly(is);
            throw new UserException(IoErrors.describe(outFile.toString(), e) + " (nothing was written)", EX_TEMPFAIL);
        }
        try {
            byte[] head = is.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            boolean whole = head.length <= max;
            if (whole || HeaderInserter.headerEnd(head) < head.length) {
                os.write(filter(head, db));
            } else {
                db.err().println("spamward: the header section is longer than " + max + " bytes; message passed on unchanged");
                db.err().flush();
                os.write(head);
            }
            if (!whole) is.transferTo(os);
            os.flush();
            // System.out does not throw: a full disk or a closed pipe would otherwise exit 0 with the message lost
            if (os instanceof PrintStream ps && ps.checkError()) throw new IOException("write error on standard output");
            if (outFile != null) os.close(); // a file's close can still report a failed write
        } catch (IOException e) {
            // The message could not be read or written whole: a temporary failure, so that the MTA keeps it and retries.
            throw new UserException("the message could not be passed on: " + IoErrors.reason(e) + " (exit 75: try again later)",
                    EX_TEMPFAIL);
        } finally {
            // Standard input and output stay open: the launcher checks stdout for lost output after the command.
            if (in != null) closeQuietly(is);
            if (outFile != null) closeQuietly(os);
        }
        return 0;
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Reported by the write or close above when it mattered.
        }
    }

    /** The message with the verdict fields added, or with an error field: never throws, never loses a byte. */
    static byte[] filter(byte[] msg, DbOption db) {
        List<String> fields = new ArrayList<>(3);
        try {
            Classification c = db.classifyOne(Bayes.tokenizer(db.config()).tokenize(msg), 0);
            fields.add(HeaderInserter.PREFIX + "Verdict: " + c.verdict().id());
            fields.add(HeaderInserter.PREFIX + "Score: " + String.format(Locale.ROOT, "%.4f", c.score()));
            if (!c.problems().isEmpty()) fields.add(HeaderInserter.PREFIX + "Note: message read with " + c.problems().size() + " problem(s)");
        } catch (RuntimeException | Error e) {
            fields.clear();
            fields.add(HeaderInserter.PREFIX + "Error: " + oneLine(e));
        }
        try {
            return HeaderInserter.insert(msg, fields);
        } catch (RuntimeException | Error e) {
            return msg;
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("[\\r\\n\\t]+", " ");
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
