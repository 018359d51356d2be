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
}
