package dev.spamward.bench.greylist;

import dev.spamward.greylist.state.AddressNormalizer;
import dev.spamward.greylist.state.BloomRing;
import dev.spamward.greylist.state.IpMask;
import dev.spamward.greylist.state.Triplet;
import java.net.InetAddress;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The greylisting hot path without I/O: normalise and mask a triplet, SHA-256 it, test and set its 8 bits
 * in the default-size ring (8 x 2^24 bits).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class GreylistStateBench {
    private final IpMask mask = new IpMask(24, 64);
    private final AddressNormalizer norm = new AddressNormalizer(true);
    private BloomRing ring;
    private InetAddress client;
    private int[] digest;
    private long n;

    @Setup
    public void setup() {
        ring = new BloomRing(24, 8, 0);
        client = IpMask.parse("192.0.2.10");
        digest = Triplet.of(client, "alice@example.net", "bob@example.org", mask, norm).digest();
    }

    /** Parse the address, mask, normalise, hash: what every query pays before touching the filter. */
    @Benchmark
    public int[] tripletDigest() {
        return Triplet.of(IpMask.parse("192.0.2.10"), "<Alice@Example.NET>", "bob" + (n++ & 1023) + "@example.org", mask, norm)
                .digest();
    }

    @Benchmark
    public boolean contains() {
        return ring.contains(digest);
    }

    @Benchmark
    public void insert() {
        ring.insert(digest);
    }

    @Benchmark
    public double fillRatio() {
        return ring.fillRatio();
    }
}
