package dev.spamward.pyzor.cli;

import dev.spamward.core.cli.UserException;
import dev.spamward.pyzor.client.CheckResult;
import dev.spamward.pyzor.client.OpResult;
import dev.spamward.pyzor.client.PyzorClient;
import dev.spamward.pyzor.client.ServerOutcome;
import dev.spamward.pyzor.digest.PyzorDigester;
import dev.spamward.pyzor.protocol.PyzorResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The message and digest commands of {@code spamward pyzor}. */
final class PyzorCommands {
    private PyzorCommands() {
    }

    /** Commands that take a message (or digests) as input. */
    abstract static class InputCommand extends PyzorOptions {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "-",
                description = "The message (RFC 5322), or '-' for standard input (default).")
        String file;

        @Option(names = {"-s", "--style"}, paramLabel = "STYLE", defaultValue = "msg",
                description = "Input style: msg (one message) or digests (one digest per line).")
        String style;

        /** The digests to send: the message's digest, or the listed digests. */
        List<String> digests(PyzorClient client) {
            if (!style.equals("msg") && !style.equals("digests")) {
                throw new UserException("pyzor: --style must be msg or digests (mbox is not supported)", 2);
            }
            byte[] input = readInput(file, client.maxMessageSize());
            if (style.equals("msg")) {
                try {
                    return List.of(client.digest(input));
                } catch (IllegalArgumentException e) {
                    throw new UserException("pyzor: " + e.getMessage(), EX_DATAERR);
                }
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(input, StandardCharsets.US_ASCII).lines().toList()) {
                String d = line.strip().toLowerCase(Locale.ROOT);
                if (d.isEmpty()) continue;
                if (!d.matches("[0-9a-f]{40}")) throw new UserException("pyzor: not a digest: " + line.strip(), EX_DATAERR);
                out.add(d);
            }
            return out;
        }

        void printProblems(List<ServerOutcome> outcomes) {
            for (ServerOutcome o : outcomes) {
                if (!o.ok()) err().println("spamward pyzor: " + o.describe());
            }
        }

        void noteSkipped(String digest) {
            err().println("spamward pyzor: " + digest + " is the digest of no text; not sent");
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Ask every server for the counts of the message; exit 0 when it is listed as spam, 1 when not.")
    static final class Check extends InputCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            PyzorClient client = client();
            boolean allOk = true;
            boolean spam = false;
            for (String digest : digests(client)) {
                CheckResult r = client.checkDigest(digest);
                if (r.skipped()) {
                    noteSkipped(digest);
                    continue;
                }
                for (ServerOutcome o : r.outcomes()) {
                    StringBuilder line = new StringBuilder(o.server() + "\t" + o.headTuple() + "\t");
                    if (o instanceof ServerOutcome.Answered a && a.ok()) {
                        line.append(a.response().count().orElse(0)).append('\t').append(a.response().wlCount().orElse(0));
                    }
                    out().println(line);
                }
                printProblems(r.outcomes());
                allOk &= r.complete();
                spam |= r.spam();
            }
            return allOk && spam ? 0 : 1;
        }
    }

    /** Report and whitelist: send the digests, succeed when every server answered 200. */
    abstract static class SendCommand extends InputCommand implements Callable<Integer> {
        abstract OpResult send(PyzorClient client, List<String> digests);

        @Override
        public Integer call() {
            PyzorClient client = client();
            List<String> digests = digests(client);
            boolean allOk = true;
            for (String digest : digests) {
                OpResult r = send(client, List.of(digest));
                if (r.skipped()) {
                    noteSkipped(digest);
                    continue;
                }
                for (ServerOutcome o : r.outcomes()) out().println(o.server() + "\t" + o.headTuple());
                printProblems(r.outcomes());
                allOk &= r.allOk();
            }
            return allOk ? 0 : 1;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = "Report the message as spam to every server.")
    static final class Report extends SendCommand {
        @Override
        OpResult send(PyzorClient client, List<String> digests) {
            return client.reportDigests(digests);
        }
    }

    @Command(name = "whitelist", aliases = "revoke", mixinStandardHelpOptions = true,
            description = "Whitelist (revoke) the message on every server; needs an account on a default server.")
    static final class Whitelist extends SendCommand {
        @Override
        OpResult send(PyzorClient client, List<String> digests) {
            return client.whitelistDigests(digests);
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Show every server's counts and first/last report times for the message.")
    static final class Info extends InputCommand implements Callable<Integer> {
        private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

        @Override
        public Integer call() {
            PyzorClient client = client();
            boolean allOk = true;
            for (String digest : digests(client)) {
                OpResult r = client.infoDigest(digest);
                if (r.skipped()) {
                    noteSkipped(digest);
                    continue;
                }
                for (ServerOutcome o : r.outcomes()) {
                    StringBuilder text = new StringBuilder(o.server() + "\t" + o.headTuple() + "\n");
                    if (o instanceof ServerOutcome.Answered a && a.ok()) appendInfo(text, a.response());
                    out().println(text);
                }
                printProblems(r.outcomes());
                allOk &= r.allOk();
            }
            return allOk ? 0 : 1;
        }

        private static void appendInfo(StringBuilder text, PyzorResponse response) {
            for (String key : List.of("Count", "Entered", "Updated", "WL-Count", "WL-Entered", "WL-Updated")) {
                OptionalLong v = response.number(key);
                if (v.isEmpty()) continue;
                String shown;
                if (key.contains("Count")) shown = Long.toString(v.getAsLong());
                else if (v.getAsLong() == -1) shown = "Never";
                else shown = CTIME.format(Instant.ofEpochSecond(v.getAsLong()).atZone(ZoneId.systemDefault()));
                text.append('\t').append(key).append(": ").append(shown).append('\n');
            }
        }
    }

    @Command(name = "ping", mixinStandardHelpOptions = true, description = "Check that every server answers.")
    static final class Ping extends PyzorOptions implements Callable<Integer> {
        @Override
        public Integer call() {
            OpResult r = client().ping();
            for (ServerOutcome o : r.outcomes()) out().println(o.server() + "\t" + o.headTuple());
            for (ServerOutcome o : r.outcomes()) {
                if (!o.ok()) err().println("spamward pyzor: " + o.describe());
            }
            return r.allOk() ? 0 : 1;
        }
    }

    @Command(name = "digest", mixinStandardHelpOptions = true, description = "Print the message's Pyzor digest (no network).")
    static final class Digest extends PyzorOptions implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "-", description = "The message, or '-' for standard input.")
        String file;

        @Override
        public Integer call() {
            out().println(PyzorDigester.digest(readInput(file, maxSize(this))));
            return 0;
        }
    }

    @Command(name = "predigest", mixinStandardHelpOptions = true,
            description = "Print the normalised lines the digest is computed from (no network).")
    static final class Predigest extends PyzorOptions implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", defaultValue = "-", description = "The message, or '-' for standard input.")
        String file;

        @Override
        public Integer call() {
            for (String line : PyzorDigester.predigest(readInput(file, maxSize(this)))) out().println(line);
            return 0;
        }
    }

    /** The size limit without loading the server files (digest commands need no home folder). */
    static long maxSize(PyzorOptions o) {
        return dev.spamward.core.cli.CommandContext.config(o.spec).get(dev.spamward.pyzor.client.PyzorSettings.MAX_MESSAGE_SIZE);
    }
}
