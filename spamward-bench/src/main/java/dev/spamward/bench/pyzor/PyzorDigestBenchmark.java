package dev.spamward.bench.pyzor;

import dev.spamward.pyzor.digest.PyzorDigester;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** Pyzor digests per second on one thread, over the 245 reference messages (one op = one message). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PyzorDigestBenchmark {
    /** Number of messages in the corpus (245). */
    static final int MESSAGES = 245;

    @Param(Corpus.DEFAULT_DIR)
    public String messages;

    private List<byte[]> corpus;

    @Setup
    public void load() throws IOException {
        corpus = Corpus.load(messages);
        if (corpus.size() != MESSAGES) throw new IllegalStateException("expected " + MESSAGES + " messages, found " + corpus.size());
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public void digestCorpus(Blackhole bh) {
        for (byte[] m : corpus) bh.consume(PyzorDigester.digest(m));
    }
}
