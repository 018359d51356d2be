package dev.spamward.greylist.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IpMaskTest {

    @ParameterizedTest
    @CsvSource({
            "192.0.2.10, 24, 64, 192.0.2.0",
            "192.0.2.10, 32, 64, 192.0.2.10",
            "192.0.2.10, 16, 64, 192.0.0.0",
            "192.0.2.10, 19, 64, 192.0.0.0",
            "198.51.100.200, 25, 64, 198.51.100.128",
            "2001:db8:1:2::1, 24, 64, 2001:db8:1:2::",
            "2001:db8:1:2:3:4:5:6, 24, 128, 2001:db8:1:2:3:4:5:6",
            "2001:db8:0:0:1:0:0:1, 24, 128, 2001:db8::1:0:0:1",
            "2001:db8:1:2::1, 24, 48, 2001:db8:1::",
            "[2001:db8::25], 24, 64, 2001:db8::",
            "IPv6:2001:db8::25, 24, 64, 2001:db8::",
            "::ffff:192.0.2.77, 24, 64, 192.0.2.0",
            "::1, 24, 128, ::1",
    })
    void masksAndPrintsLikeInetNtop(String ip, int v4, int v6, String expected) {
        assertThat(new IpMask(v4, v6).apply(IpMask.parse(ip))).isEqualTo(expected);
    }

    @Test
    void maskZeroReallyIgnoresTheAddress() {
        IpMask m = new IpMask(0, 0);
        assertThat(m.apply(IpMask.parse("192.0.2.10"))).isEqualTo(IpMask.ANY);
        assertThat(m.apply(IpMask.parse("203.0.113.1"))).isEqualTo(IpMask.ANY);
        assertThat(m.apply(IpMask.parse("2001:db8::1"))).isEqualTo(IpMask.ANY);
    }

    @Test
    void parsesOnlyLiteralsWithoutDns() {
        assertThat(IpMask.parse("mail.example.net")).isNull();
        assertThat(IpMask.parse("")).isNull();
        assertThat(IpMask.parse(null)).isNull();
        assertThat(IpMask.parse("999.1.1.1")).isNull();
        assertThat(IpMask.parse("1.2.3")).isNull();
        assertThat(IpMask.parse("x".repeat(5000))).isNull();
        assertThat(IpMask.parse(" 192.0.2.1 ")).isNotNull();
    }

    @Test
    void rejectsBadPrefixes() {
        assertThatThrownBy(() -> new IpMask(33, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IpMask(24, 129)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IpMask(-1, 64)).isInstanceOf(IllegalArgumentException.class);
    }
}
