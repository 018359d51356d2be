package dev.spamward.bench.dcc;

import dev.spamward.dcc.checksum.DccChecksummer;
import dev.spamward.dcc.checksum.MessageChecksums;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * DCC checksums per second in-process: all checksums (headers, Body, Fuz1, Fuz2) of one message per
 * operation, cycling through the 245 reference messages (2.7 MB, 11 KB on average). {@code dir} defaults
 * to the DCC vector messages in the source tree; point it at any directory of .eml files.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DccChecksumBench {

    @Param("spamward-dcc/src/test/resources/dev/spamward/dcc/vectors/messages")
    public String dir;

    private List<byte[]> messages;
    private int next;

    @Setup
    public void load() throws IOException {
        Path d = Path.of(dir);
        if (!d.isAbsolute() && !Files.isDirectory(d)) d = Path.of("..").resolve(dir);
        try (Stream<Path> files = Files.list(d)) {
            messages = files.filter(p -> p.toString().endsWith(".eml")).sorted().map(p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
        if (messages.isEmpty()) throw new IllegalStateException("no .eml files in " + d.toAbsolutePath());
    }

    @Benchmark
    public MessageChecksums checksums() {
        byte[] m = messages.get(next);
        next = next + 1 == messages.size() ? 0 : next + 1;
        return DccChecksummer.compute(m);
    }
}
