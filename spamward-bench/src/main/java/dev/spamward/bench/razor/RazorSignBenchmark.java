package dev.spamward.bench.razor;

import dev.spamward.razor.sig.MessageSignatures;
import dev.spamward.razor.sig.Signer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Razor2 signatures (MIME split, VR4/VR8 cleaning, engines 4 and 8) per second on one thread, cycling through
 * the 245 reference messages; one operation = one message.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RazorSignBenchmark {
    private List<byte[]> messages;
    private Signer signer;
    private int next;

    @Setup
    public void load() {
        messages = RazorMessages.load();
        signer = new Signer();
    }

    @Benchmark
    public MessageSignatures sign() {
        byte[] m = messages.get(next);
        next = next + 1 == messages.size() ? 0 : next + 1;
        return signer.sign(m, "7542-10");
    }
}
