package dev.spamward.razor.sig;

/**
 * Razor2's {@code hextobase64}: a hex string to Razor's URL-safe base64 variant, exactly as
 * {@code Razor2::String::hextobase64} computes it (three nibbles packed low-nibble-first with
 * Perl {@code pack "h3"}, then read as twelve bits in {@code vec(...,1)} order, two characters per chunk).
 */
public final class RazorBase64 {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private RazorBase64() {
    }

    /** Encodes {@code hex} (lower or upper case); a short last chunk is padded with zero nibbles. */
    public static String fromHex(CharSequence hex) {
        StringBuilder out = new StringBuilder((hex.length() + 2) / 3 * 2);
        for (int i = 0; i < hex.length(); i += 3) {
            int n0 = nibble(hex, i);
            int n1 = nibble(hex, i + 1);
            int n2 = nibble(hex, i + 2);
            int b0 = n1 << 4 | n0;
            int b1 = n2;
            // bit k of the packed pair is (b[k>>3] >> (k&7)) & 1; bits 0..5 and 6..11 are read MSB-first
            int v1 = 0;
            int v2 = 0;
            for (int k = 0; k < 12; k++) {
                int bit = ((k < 8 ? b0 : b1) >> (k & 7)) & 1;
                if (k < 6) v1 = v1 << 1 | bit;
                else v2 = v2 << 1 | bit;
            }
            out.append(ALPHABET[v1]).append(ALPHABET[v2]);
        }
        return out.toString();
    }

    /** Encodes raw digest bytes (their lower-case hex form). */
    public static String fromBytes(byte[] digest) {
        return fromHex(Hex.of(digest));
    }

    private static int nibble(CharSequence hex, int i) {
        if (i >= hex.length()) return 0;
        int d = Character.digit(hex.charAt(i), 16);
        // Perl's pack "h" takes the low four bits of any other character; hex strings never have one
        return d < 0 ? hex.charAt(i) & 0x0f : d;
    }
}
