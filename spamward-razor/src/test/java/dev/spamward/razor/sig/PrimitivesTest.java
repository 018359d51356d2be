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

    /** Expected values printed by Razor2::Signature::Whiplash (razor 2.85, perl 5.36). */
    @Test
    void whiplashFollowsPerlCharacterSemantics() {
        // byte string: lc leaves \xC9 alone
        assertWhiplash("see http://www.EX\u00C9.com/ here x http://b.com/", "cf8a24648fb8b658", "312557a1e3e4b658");
        // a wide character anywhere switches Perl to Unicode rules: lc("\xC9") is "\xE9"
        assertWhiplash("see http://www.EX\u00C9.com/ here &#300; x http://b.com/", "1d23668d20b2b658", "312557a1e3e4b658");
        // ... and NBSP becomes white space for \s
        assertWhiplash("a\u00A0www.Foo.com b &#300; http://x.com/", "f781169d28c8b658", "71ac3b64ad14b658");
        assertWhiplash("&#300; <a href=\u00A0\"http://u@Q.DE\u00A0z/\">", "44bd2c6379d6b658");
        // a host with a wide character makes Digest::SHA die in Perl: no engine-8 signature
        assertThat(Whiplash.signatures("see http://ab&#300;x.com/ here")).isEmpty();
    }

    private static void assertWhiplash(String text, String... hex) {
        assertThat(Whiplash.signatures(text)).containsExactly(java.util.Arrays.stream(hex).map(RazorBase64::fromHex)
                .toArray(String[]::new));
    }

    /** Razor2::Signature::Ephemeral with other server ep4 values (separator used as a Perl regex). */
    @Test
    void ephemeralWithOtherEp4() {
        StringBuilder c = new StringBuilder();
        for (int i = 1; i <= 40; i++) c.append("line ").append(i).append(" has some words. and e-mail here\n\r");
        assertThat(Ephemeral.forEp4("99-46").signature(c.toString())).isEqualTo("W9Y_IUi--Zu52Vlp3IMsJf0GhhAA");
        assertThat(Ephemeral.forEp4("99-10-13").signature(c.toString())).isEqualTo("_bCNxWQ9Q0xZifXvihbf_Vn37ywA");
        assertThat(Ephemeral.forEp4("99-32").signature(c.toString())).isEqualTo("W9Y_IUi--Zu52Vlp3IMsJf0GhhAA");
        assertThat(Ephemeral.forEp4("99-101").signature(c.toString())).isEqualTo("rhiU6p0vTdCRhZgvsAiqkTPg2hsA");
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
