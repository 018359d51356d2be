package dev.spamward.greylist.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelayQueueTest {

    @Test
    void releasesEntriesOnlyWhenDueInOrder() {
        DelayQueue q = new DelayQueue(4);
        q.add(new int[] {1, 0, 0, 0, 0, 0, 0, 0}, 100);
        q.add(new int[] {2, 0, 0, 0, 0, 0, 0, 0}, 200);
        List<Integer> got = new ArrayList<>();
        assertThat(q.drain(99, d -> got.add(d[0]))).isZero();
        assertThat(q.drain(150, d -> got.add(d[0]))).isEqualTo(1);
        assertThat(q.drain(1000, d -> got.add(d[0]))).isEqualTo(1);
        assertThat(got).containsExactly(1, 2);
        assertThat(q.size()).isZero();
    }

    @Test
    void growsPastItsInitialSizeKeepingOrderAcrossTheWrap() {
        DelayQueue q = new DelayQueue(20_000);
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 3000; i++) q.add(new int[] {i, 0, 0, 0, 0, 0, 0, 0}, i);
        q.drain(2999, d -> got.add(d[0]));
        for (int i = 3000; i < 15_000; i++) q.add(new int[] {i, 0, 0, 0, 0, 0, 0, 0}, i);
        assertThat(q.size()).isEqualTo(12_000);
        q.drain(Long.MAX_VALUE, d -> got.add(d[0]));
        for (int i = 0; i < 15_000; i++) assertThat(got.get(i)).isEqualTo(i);
        assertThat(q.dropped()).isZero();
    }

    @Test
    void boundedAndCountsDrops() {
        DelayQueue q = new DelayQueue(2);
        int[] d = new int[8];
        assertThat(q.add(d, 1)).isTrue();
        assertThat(q.add(d, 1)).isTrue();
        assertThat(q.add(d, 1)).isFalse();
        assertThat(q.dropped()).isEqualTo(1);
        q.drain(5, x -> { });
        assertThat(q.add(d, 9)).isTrue();
        assertThat(q.size()).isEqualTo(1);
    }
}
