package dev.spamward.greylist.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    @TempDir
    Path dir;

    private BloomRing filled(int bits, int n) {
        BloomRing ring = new BloomRing(bits, n, 5000);
        for (int i = 0; i < 500; i++) ring.insert(Digest.of("a" + i));
        ring.rotateIfDue(5101, 100);
        for (int i = 0; i < 500; i++) ring.insert(Digest.of("b" + i));
        return ring;
    }

    @Test
    void roundTripKeepsEveryBitAndThePosition() throws IOException {
        BloomRing ring = filled(16, 4);
        Path f = dir.resolve("grey.state");
        StateFile.save(ring, f, 5200);
        assertThat(Files.size(f)).isEqualTo(StateFile.size(16, 4)).isEqualTo(40 + 4 * 8192 + 12 + 4);
        BloomRing back = StateFile.load(f, 16, 4, 5300);
        assertThat(back.current()).isEqualTo(1);
        assertThat(back.lastRotate()).isEqualTo(5100);
        for (int i = 0; i < 4; i++) assertThat(back.copyBuffer(i)).isEqualTo(ring.copyBuffer(i));
        for (int i = 0; i < 500; i++) {
            assertThat(back.contains(Digest.of("a" + i))).isTrue();
            assertThat(back.contains(Digest.of("b" + i))).isTrue();
        }
        assertThat(back.fillRatio()).isEqualTo(ring.fillRatio());
        assertThat(Files.exists(dir.resolve("grey.state.tmp"))).isFalse();
    }

    @Test
    void roundTripOfLargeFiltersCrossesChunkBoundaries() throws IOException {
        BloomRing ring = filled(22, 3);
        Path f = dir.resolve("big.state");
        StateFile.save(ring, f, 1);
        BloomRing back = StateFile.load(f, 22, 3, 2);
        for (int i = 0; i < 3; i++) assertThat(back.copyBuffer(i)).isEqualTo(ring.copyBuffer(i));
    }

    @Test
    void delayedInsertsAndFirstSightingsRoundTrip() throws IOException {
        DelayQueue queue = new DelayQueue(100);
        for (int i = 0; i < 3; i++) queue.add(Digest.of("d" + i), 1_000_000L + i);
        PendingTable table = new PendingTable(1024);
        for (int i = 0; i < 50; i++) table.firstSeen(Digest.of("p" + i), 7000 + i, 0);
        Path f = dir.resolve("grey.state");
        StateFile.save(filled(16, 4), new StateFile.Pending(queue, table), f, 1);

        DelayQueue queueBack = new DelayQueue(100);
        PendingTable tableBack = new PendingTable(1024);
        BloomRing back = StateFile.load(f, 16, 4, 2, new StateFile.Pending(queueBack, tableBack));
        assertThat(back.contains(Digest.of("a1"))).isTrue();
        java.util.List<String> drained = new java.util.ArrayList<>();
        assertThat(queueBack.drain(1_000_001L, d -> drained.add(java.util.Arrays.toString(d)))).isEqualTo(2);
        assertThat(drained).containsExactly(java.util.Arrays.toString(Digest.of("d0")), java.util.Arrays.toString(Digest.of("d1")));
        assertThat(queueBack.size()).isEqualTo(1);
        for (int i = 0; i < 50; i++) assertThat(tableBack.firstSeen(Digest.of("p" + i), 9999, 0)).isEqualTo(7000 + i);
        assertThat(tableBack.firstSeen(Digest.of("never"), 9999, 0)).isEqualTo(PendingTable.NEW);

        PendingTable otherSize = new PendingTable(4096); // the sightings are not restored into a table of another size
        StateFile.load(f, 16, 4, 2, new StateFile.Pending(null, otherSize));
        assertThat(otherSize.firstSeen(Digest.of("p1"), 9999, 0)).isEqualTo(PendingTable.NEW);
    }

    @Test
    void aVersion1FileWithoutThePendingSectionStillLoads() throws IOException {
        Path f = dir.resolve("grey.state");
        StateFile.save(filled(16, 4), f, 1);
        byte[] v2 = Files.readAllBytes(f);
        byte[] v1 = java.util.Arrays.copyOf(v2, v2.length - 12 - 4 + 4); // drop the empty pending section
        java.nio.ByteBuffer.wrap(v1).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(8, 1);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(v1, 0, v1.length - 4);
        java.nio.ByteBuffer.wrap(v1).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(v1.length - 4, (int) crc.getValue());
        Files.write(f, v1);
        assertThat(StateFile.load(f, 16, 4, 2).contains(Digest.of("b7"))).isTrue();
        assertThat(aside()).isEmpty();
    }

    @Test
    void pendingCountsThatDisagreeWithTheLengthAreRefused() throws IOException {
        Path f = dir.resolve("grey.state");
        DelayQueue queue = new DelayQueue(10);
        queue.add(Digest.of("x"), 5);
        StateFile.save(filled(16, 4), new StateFile.Pending(queue, null), f, 1);
        byte[] b = Files.readAllBytes(f);
        int at = (int) (StateFile.size(16, 4) - 12 - 4); // the count of delayed inserts
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(at, 1_000_000);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(b, 0, b.length - 4);
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(b.length - 4, (int) crc.getValue());
        Files.write(f, b);
        DelayQueue into = new DelayQueue(10);
        assertThat(StateFile.load(f, 16, 4, 2, new StateFile.Pending(into, null)).fillRatio()).isZero();
        assertThat(into.size()).isZero();
        assertThat(aside()).hasSize(1);
    }

    @Test
    void missingFileStartsEmpty() {
        BloomRing r = StateFile.load(dir.resolve("none"), 16, 4, 77);
        assertThat(r.fillRatio()).isZero();
        assertThat(r.lastRotate()).isEqualTo(77);
    }

    @Test
    void flippedBitIsDetectedAndTheFileMovedAside() throws IOException {
        Path f = dir.resolve("grey.state");
        StateFile.save(filled(16, 4), f, 1);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.seek(1000);
            int b = raf.read();
            raf.seek(1000);
            raf.write(b ^ 0x10);
        }
        BloomRing r = StateFile.load(f, 16, 4, 99);
        assertThat(r.fillRatio()).isZero();
        assertThat(Files.exists(f)).isFalse();
        assertThat(aside()).hasSize(1);
    }

    @Test
    void foreignFileIsMovedAside() throws IOException {
        Path f = dir.resolve("grey.state");
        // A grossd 1.0.x state file starts with "mmbrq2\n\0".
        byte[] grossd = new byte[(int) StateFile.size(16, 4)];
        System.arraycopy("mmbrq2\n\0".getBytes(), 0, grossd, 0, 8);
        Files.write(f, grossd);
        assertThat(StateFile.load(f, 16, 4, 1).fillRatio()).isZero();
        assertThat(aside()).hasSize(1);
    }

    @Test
    void otherShapeTruncationAndEmptyFilesAreMovedAside() throws IOException {
        Path f = dir.resolve("grey.state");
        StateFile.save(filled(16, 4), f, 1);
        assertThat(StateFile.load(f, 17, 4, 1).fillRatio()).isZero();
        assertThat(Files.exists(f)).isFalse();

        StateFile.save(filled(16, 4), f, 1);
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 100));
        assertThat(StateFile.load(f, 16, 4, 2).fillRatio()).isZero();

        Files.write(f, new byte[0]);
        assertThat(StateFile.load(f, 16, 4, 3).fillRatio()).isZero();
        assertThat(aside()).hasSize(3);
    }

    @Test
    void saveReplacesTheOldFileAtomically() throws IOException {
        Path f = dir.resolve("grey.state");
        StateFile.save(new BloomRing(16, 4, 1), f, 1);
        BloomRing ring = filled(16, 4);
        StateFile.save(ring, f, 2);
        assertThat(StateFile.load(f, 16, 4, 3).contains(Digest.of("a1"))).isTrue();
    }

    private java.util.List<Path> aside() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().contains(".bad-")).toList();
        }
    }
}
