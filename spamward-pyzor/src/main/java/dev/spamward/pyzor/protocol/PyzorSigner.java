package dev.spamward.pyzor.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Pyzor request signing ({@code pyzor.account.hash_key} and {@code sign_msg}):
 * {@code K = sha1hex(user ":" lower(key))}, {@code Sig = sha1hex(sha1(M) ":" time ":" K)} where M is the
 * request header block without {@code Sig}, lines joined by LF, without the trailing blank line.
 */
public final class PyzorSigner {
    private PyzorSigner() {
    }

    /** {@code hash_key(key, user)}. */
    public static String hashKey(String user, String key) {
        return hex(sha1().digest((user + ":" + key.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code sign_msg(hashedKey, time, M)}. */
    public static String sign(String hashedKey, long time, String unsignedHeaders) {
        MessageDigest outer = sha1();
        outer.update(sha1().digest(unsignedHeaders.getBytes(StandardCharsets.UTF_8)));
        outer.update((":" + time + ":" + hashedKey).getBytes(StandardCharsets.UTF_8));
        return hex(outer.digest());
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JDK", e);
        }
    }
}
