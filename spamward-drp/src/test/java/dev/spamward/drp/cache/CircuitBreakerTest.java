package dev.spamward.drp.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final CircuitBreaker breaker = new CircuitBreaker(Duration.ofSeconds(5), now::get);

    @Test
    void opensOnceSkipsForTheIntervalThenTriesAgain() {
        assertThat(breaker.allowed()).isTrue();
        assertThat(breaker.tripped()).isFalse();
        assertThat(breaker.failure()).isTrue();   // closed -> open
        assertThat(breaker.failure()).isFalse();  // concurrent failures do not open it again
        assertThat(breaker.allowed()).isFalse();
        now.addAndGet(Duration.ofMillis(4999).toNanos());
        assertThat(breaker.allowed()).isFalse();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(breaker.allowed()).isTrue();   // trial
        assertThat(breaker.failure()).isTrue();   // trial failed: open again for 5 s
        assertThat(breaker.allowed()).isFalse();
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(breaker.success()).isTrue();   // trial succeeded: closed
        assertThat(breaker.tripped()).isFalse();
        assertThat(breaker.success()).isFalse();
        assertThat(breaker.allowed()).isTrue();
    }

    @Test
    void worksAcrossNanoTimeOverflow() {
        now.set(Long.MAX_VALUE - 10);
        assertThat(breaker.failure()).isTrue();
        assertThat(breaker.allowed()).isFalse();
        now.addAndGet(Duration.ofSeconds(6).toNanos()); // wraps around
        assertThat(breaker.allowed()).isTrue();
    }
}
