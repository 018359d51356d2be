package dev.spamward.greylist.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressNormalizerTest {
    private final AddressNormalizer norm = new AddressNormalizer(true);

    @ParameterizedTest
    @CsvSource(value = {
            "alice@example.net|alice@example.net",
            "<alice@example.net>|alice@example.net",
            "Alice@Example.NET|alice@example.net",
            "<Bob@Example.ORG>|bob@example.org",
            " <bob@example.org> |bob@example.org",
            "<@relay.example,@r2.example:bob@example.org>|bob@example.org",
            "<>|''",
            "''|''",
            "postmaster|postmaster",
    }, delimiter = '|')
    void normalisesLikeEveryFrontDoorMust(String in, String out) {
        assertThat(norm.normalize(in)).isEqualTo(out);
    }

    @Test
    void canKeepTheLocalPartCase() {
        assertThat(new AddressNormalizer(false).normalize("<Alice@Example.NET>")).isEqualTo("Alice@example.net");
    }

    @Test
    void policyAndMilterTripletsAreTheSameKey() {
        IpMask mask = new IpMask(24, 64);
        Triplet policy = Triplet.of(IpMask.parse("192.0.2.10"), "alice@example.net", "bob@example.org", mask, norm);
        Triplet milter = Triplet.of(IpMask.parse("192.0.2.77"), "<Alice@Example.net>", "<BOB@example.ORG>", mask, norm);
        assertThat(milter).isEqualTo(policy);
        assertThat(milter.digest()).containsExactly(policy.digest());
        assertThat(policy.key()).isEqualTo("192.0.2.0 alice@example.net bob@example.org");
    }

    @Test
    void domainOfAddress() {
        assertThat(AddressNormalizer.domain("a@b.example")).isEqualTo("b.example");
        assertThat(AddressNormalizer.domain("")).isEmpty();
    }
}
