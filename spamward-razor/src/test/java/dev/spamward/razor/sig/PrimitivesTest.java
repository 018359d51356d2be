package dev.spamward.razor.sig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The small vectors of specs/razor.md, all verified with the Razor2 library from razor 2.85. */
class PrimitivesTest {

    @Test
    void hexToBase64() {
        assertThat(RazorBase64.fromHex("abc")).isEqualTo("XT");
        assertThat(RazorBase64.fromHex("000000")).isEqualTo("AAAA");
        assertThat(RazorBase64.fromHex("ffffff")).isEqualTo("____");
        assertThat(RazorBase64.fromHex("123456")).isEqualTo("hMKm");
        assertThat(RazorBase64.fromHex("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"))
                .isEqualTo("WNQ8snr2DoFJxS2ja-cfkITCpuEA");
    }

    @Test
    void perlDrand48() {
        Drand48 r = new Drand48(42);
        assertThat(r.next()).isEqualTo(0.74452500006100664);
        assertThat(r.next()).isEqualTo(0.34270147871890799);
        assertThat(r.next()).isEqualTo(0.11108528244416149);
    }

    @Test
    void whiplashContinuesOnlyOnTheLastLine() {
        assertThat(Whiplash.extractHosts("a http://one.com/x\nb http://two.com/y\nc http://three.com/z"))
                .containsExactly("one.com", "three.com");
    }

    @Test
    void separatorEncoding() {
        assertThat(Ephemeral.encodeSeparator("10")).isEqualTo("\n");
        assertThat(Ephemeral.encodeSeparator("10-13")).isEqualTo("\n\r");
        assertThat(Ephemeral.forEp4("7542")).isNull();
        assertThat(Ephemeral.forEp4("0-10")).isNull();
    }

    @Test
    void perlSplitDropsTrailingEmptyFields() {
        assertThat(PerlText.split("a\n\nb\n\n", "\n")).containsExactly("a", "", "b");
        assertThat(PerlText.split("\na", "\n")).containsExactly("", "a");
        assertThat(PerlText.split("", "\n")).isEmpty();
        assertThat(PerlText.split("\n\n", "\n")).isEmpty();
    }

    @Test
    void signingNeverThrowsOnOddInput() {
        Signer signer = new Signer();
        for (String mail : List.of("", "\n", "\n\n", "0", "a\n\n0", "Content-Type: multipart/mixed; boundary=x\n\n--x\n",
                "Content-Type: multipart/mixed; boundary=\"x\n\n--x--\n", "a\n\n<\n", "a\n\n&")) {
            signer.sign(PerlText.toBytes(mail), "7542-10");
            signer.sign(PerlText.toBytes(mail), "1-2-3");
        }
    }
}
