package dev.spamward.greylist.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingTableTest {

    @Test
    void remembersFirstSightingUntilTheWindowEnds() {
        PendingTable t = new PendingTable(1024);
        int[] d = Digest.of("192.0.2.0 a@example.net b@example.org");
        assertThat(t.firstSeen(d, 1000, 0)).isEqualTo(PendingTable.NEW);
        assertThat(t.firstSeen(d, 1050, 0)).isEqualTo(1000);
        assertThat(t.firstSeen(d, 5000, 4000)).as("older than the window: new again").isEqualTo(PendingTable.NEW);
        assertThat(t.firstSeen(d, 5001, 4000)).isEqualTo(5000);
        t.remove(d);
        assertThat(t.firstSeen(d, 6000, 0)).isEqualTo(PendingTable.NEW);
    }

    @Test
    void boundedFullSetsEvictTheOldest() {
        PendingTable t = new PendingTable(64);
        assertThat(t.slots()).isEqualTo(64);
        for (int i = 0; i < 10_000; i++) t.firstSeen(Digest.of("k" + i), i, 0);
        assertThat(t.firstSeen(Digest.of("k9999"), 20_000, 0)).as("the newest entry survives").isEqualTo(9_999);
        assertThat(t.firstSeen(Digest.of("k0"), 20_000, 0)).as("an old one was evicted").isEqualTo(PendingTable.NEW);
    }

    @Test
    void aPeersFirstSightingIsMergedKeepingTheEarlierTime() {
        PendingTable t = new PendingTable(1024);
        int[] d = Digest.of("192.0.2.0 a@example.net b@example.org");
        long fp = PendingTable.fingerprintOf(d);
        int key = PendingTable.setKeyOf(d);
        t.merge(fp, key, 900, 1000);
        assertThat(t.firstSeen(d, 1010, 1000)).as("older than the window: ignored").isEqualTo(PendingTable.NEW);
        t.merge(fp, key, 1005, 1000);
        assertThat(t.firstSeen(d, 1020, 1000)).as("the peer saw it first").isEqualTo(1005);
        t.merge(fp, key, 1015, 1000);
        assertThat(t.firstSeen(d, 1020, 1000)).as("a later sighting does not move it").isEqualTo(1005);
        t.merge(fp, 0, 2000, 0);
        assertThat(t.firstSeen(Digest.of("another"), 2000, 0)).isEqualTo(PendingTable.NEW);
    }

    @Test
    void occupiedSlotsCarryTheirSetKey() {
        PendingTable from = new PendingTable(1024);
        PendingTable to = new PendingTable(1024);
        for (int i = 0; i < 100; i++) from.firstSeen(Digest.of("k" + i), 500 + i, 0);
        from.forEachOccupied((slot, fp, seen) -> to.merge(fp, PendingTable.setKeyOfSlot(slot), seen, 0));
        for (int i = 0; i < 100; i++) assertThat(to.firstSeen(Digest.of("k" + i), 700, 0)).isEqualTo(500 + i);
    }
}
