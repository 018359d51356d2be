package dev.spamward.bench.mime;

import dev.spamward.bench.Corpus;
import dev.spamward.mime.MailParser;
import dev.spamward.mime.MimePart;
import dev.spamward.mime.ParsedMessage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Mail parser throughput over the whole SpamAssassin corpus (6,046 messages, 32.5 MB), one thread.
 * One operation = the whole corpus; MB/s = corpus bytes / time per operation (printed at set-up).
 * {@code parseDecode}: MIME structure, headers, transfer and charset decoding of every part.
 * {@code parseDecodeVisibleText}: the same plus HTML visible text and URL extraction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class MimeParseBenchmark {
    private List<byte[]> messages;
    private final MailParser parser = new MailParser();

    @Setup(Level.Trial)
    public void load() {
        messages = Corpus.messages();
        long bytes = messages.stream().mapToLong(m -> m.length).sum();
        System.out.printf("%n[corpus] %d messages, %d bytes (%.2f MB)%n", messages.size(), bytes, bytes / 1e6);
    }

    @Benchmark
    public void parseDecode(Blackhole bh) {
        for (byte[] m : messages) {
            ParsedMessage p = parser.parse(m);
            bh.consume(p.parts().size());
        }
    }

    @Benchmark
    public void parseDecodeVisibleText(Blackhole bh) {
        for (byte[] m : messages) {
            ParsedMessage p = parser.parse(m);
            for (MimePart t : p.textParts()) {
                bh.consume(t.visibleText());
                bh.consume(t.urls());
            }
        }
    }
}
