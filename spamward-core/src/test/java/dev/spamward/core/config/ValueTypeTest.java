package dev.spamward.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValueTypeTest {

    @Test
    void durations() {
        assertThat(ValueType.duration().parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ValueType.duration().parse("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ValueType.duration().parse("2H")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> ValueType.duration().parse("1w")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sizes() {
        assertThat(ValueType.byteSize().parse("8MiB")).isEqualTo(8L << 20);
        assertThat(ValueType.byteSize().parse("512k")).isEqualTo(512L << 10);
        assertThat(ValueType.byteSize().parse("100")).isEqualTo(100L);
        assertThatThrownBy(() -> ValueType.byteSize().parse("99999999999999999999G")).hasMessageContaining("too large");
    }

    @Test
    void socketAddresses() {
        assertThat(ValueType.socketAddress("127.0.0.1").parse("10025").getHostString()).isEqualTo("127.0.0.1");
        assertThat(ValueType.socketAddress("127.0.0.1").parse("[::1]:25").getHostString()).isEqualTo("::1");
        assertThat(ValueType.socketAddress("127.0.0.1").parse("mx.example:25").getPort()).isEqualTo(25);
        assertThatThrownBy(() -> ValueType.socketAddress("x").parse("::1:25")).hasMessageContaining("[addr]:port");
    }

    @Test
    void booleansAndEnums() {
        assertThat(ValueType.bool().parse("Yes")).isTrue();
        assertThat(ValueType.bool().parse("off")).isFalse();
        assertThat(ValueType.enumeration(CoreSettings.LogLevel.class).parse("Debug")).isEqualTo(CoreSettings.LogLevel.DEBUG);
        assertThatThrownBy(() -> ValueType.enumeration(CoreSettings.LogLevel.class).parse("loud"))
                .hasMessageContaining("trace|debug|info|warn|error|off");
    }
}
