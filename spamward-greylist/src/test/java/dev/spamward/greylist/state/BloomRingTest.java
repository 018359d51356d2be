package dev.spamward.greylist.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BloomRingTest {

    /** Vector read from a grossd 1.0.2 state file (greylisting.md §5.2). */
    @Test
    void bitPositionsMatchGrossd() {
        BloomRing ring = new BloomRing(20, 8, 0);
        int[] d = Digest.of("192.0.2.0 alice@example.net bob@example.org");
        long[] expected = {687588, 24292, 66448, 587935, 172500, 211368, 918255, 473545};
        for (int j = 0; j < 8; j++) assertThat(d[j] & ((1 << 20) - 1)).isEqualTo((int) expected[j]);
        ring.insert(d);
        long[] buf0 = ring.copyBuffer(0);
        for (long b : expected) assertThat(buf0[(int) (b >>> 6)] & (1L << b)).isNotZero();
        assertThat(ring.contains(d)).isTrue();
        assertThat(ring.contains(Digest.of("192.0.2.10 alice@example.net bob@example.org"))).isFalse();
    }

    @Test
    void entryLivesBetweenNMinusOneAndNIntervals() {
        long t0 = 1_000_000;
        BloomRing ring = new BloomRing(16, 4, t0);
        int[] d = Digest.of("x");
        ring.insert(d);
        // Rotations at t0+I+1, +2I+1, +3I+1 keep it (buffers 1..3 cleared), the 4th clears buffer 0.
        for (int k = 1; k <= 3; k++) {
            assertThat(ring.rotateIfDue(t0 + k * 100L + 1, 100)).isEqualTo(1);
            assertThat(ring.contains(d)).as("after rotation %d", k).isTrue();
        }
        assertThat(ring.rotateIfDue(t0 + 4 * 100L + 1, 100)).isEqualTo(1);
        assertThat(ring.contains(d)).isFalse();
        assertThat(ring.fillRatio()).isZero();
    }

    @Test
    void notDueMeansNoRotation() {
        BloomRing ring = new BloomRing(16, 4, 1000);
        assertThat(ring.rotateIfDue(1100, 100)).isZero();
        assertThat(ring.rotateIfDue(1101, 100)).isEqualTo(1);
        assertThat(ring.current()).isEqualTo(1);
        assertThat(ring.lastRotate()).isEqualTo(1100);
    }

    @Test
    void catchesUpStepByStepAndClearsAllAfterLongDowntime() {
        BloomRing ring = new BloomRing(16, 8, 0);
        int[] d = Digest.of("y");
        ring.insert(d);
        assertThat(ring.rotateIfDue(350, 100)).isEqualTo(3);
        assertThat(ring.contains(d)).isTrue();
        assertThat(ring.lastRotate()).isEqualTo(300);
        assertThat(ring.rotateIfDue(300 + 8 * 100 + 1, 100)).isEqualTo(8);
        assertThat(ring.contains(d)).isFalse();
    }

    @Test
    void reinsertKeepsBusyTripletsFresh() {
        BloomRing ring = new BloomRing(16, 2, 0);
        int[] d = Digest.of("z");
        ring.insert(d);
        ring.rotateIfDue(101, 100);
        ring.insert(d);
        ring.rotateIfDue(201, 100);
        assertThat(ring.contains(d)).isTrue();
    }

    @Test
    void concurrentInsertsAreNeverLostByRotation() throws Exception {
        BloomRing ring = new BloomRing(14, 8, 0);
        AtomicBoolean stop = new AtomicBoolean();
        List<int[]> inserted = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) inserted.add(Digest.of("k" + i));
        Thread rotator = Thread.ofPlatform().start(() -> {
            long t = 0;
            while (!stop.get()) {
                // Rotate within the lifetime: only 1 step each time, never clearing the buffer being written.
                t += 101;
                ring.rotateIfDue(t, 100);
                if (ring.current() == 6) break;
            }
        });
        for (int[] d : inserted) ring.insert(d);
        stop.set(true);
        rotator.join();
        for (int[] d : inserted) assertThat(ring.contains(d)).isTrue();
    }

    @Test
    void mathMatchesTheSpecTable() {
        assertThat(BloomMath.optimalCapacity(24)).isBetween(1_453_000L, 1_454_000L);
        assertThat(BloomMath.falsePositiveRate(20, 100_000)).isBetween(6.0e-3, 7.2e-3);
        assertThat(BloomMath.falsePositiveRate(24, 1_000_000)).isBetween(4.0e-4, 4.6e-4);
        assertThat(BloomMath.falsePositiveRate(22, 2_000_000)).isBetween(0.80, 0.88);
        assertThat(BloomMath.falsePositiveRate(24, BloomMath.optimalCapacity(24))).isBetween(0.0038, 0.0040);
        assertThat(BloomMath.falsePositiveRate(24, BloomMath.capacityFor(24, 0.001))).isBetween(0.00095, 0.00101);
        assertThat(BloomMath.describe(24, 8)).contains("2^24").contains("18432 KiB");
    }

    @Test
    void memoryIsNPlusOneFilters() {
        assertThat(new BloomRing(24, 8, 0).memoryBytes()).isEqualTo(9L * 2 * 1024 * 1024);
        assertThat(new BloomRing(5, 2, 0).words()).isEqualTo(1);
    }
}
