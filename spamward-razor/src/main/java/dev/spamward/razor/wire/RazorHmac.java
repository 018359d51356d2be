package dev.spamward.razor.wire;

import dev.spamward.razor.sig.Hex;
import dev.spamward.razor.sig.RazorBase64;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Razor's login response ({@code xor_key} + {@code hmac_sha1} of {@code Razor2::String}), which is not
 * RFC 2104: the key is zero-padded to 64 bytes (a longer key keeps its tail un-XORed), the inner hash is
 * over {@code key^0x5C} and the challenge, and the outer hash covers the inner digest's hex text.
 */
public final class RazorHmac {
    private RazorHmac() {
    }

    /** The {@code aresp} value for {@code challenge} and the account password. */
    public static String response(String challenge, String password) {
        byte[] key = password.getBytes(StandardCharsets.ISO_8859_1);
        int n = Math.max(64, key.length);
        byte[] iv1 = new byte[n];
        byte[] iv2 = new byte[n];
        for (int i = 0; i < n; i++) {
            int k = i < key.length ? key[i] & 0xff : 0;
            iv1[i] = (byte) (i < 64 ? k ^ 0x36 : k);
            iv2[i] = (byte) (i < 64 ? k ^ 0x5C : k);
        }
        MessageDigest sha1 = sha1();
        sha1.update(iv2);
        sha1.update(challenge.getBytes(StandardCharsets.ISO_8859_1));
        String d1 = Hex.of(sha1.digest());
        sha1.update(iv1);
        sha1.update(d1.getBytes(StandardCharsets.US_ASCII));
        return RazorBase64.fromHex(Hex.of(sha1.digest()));
    }

    /** Constant-time comparison of two responses (for servers and tests). */
    public static boolean matches(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.ISO_8859_1),
                actual.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
