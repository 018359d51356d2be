package dev.spamward.pyzor.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Account keys as {@code pyzor genkey} makes them: {@code salt = SHA1(random)},
 * {@code key = SHA1(SHA1(random) raw digest + passphrase)}, both as lower-case hex.
 */
public final class PyzorKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PyzorKeys() {
    }

    /** A salt and key pair. */
    public record SaltKey(String salt, String key) {
        @Override
        public String toString() {
            return "SaltKey[salt=" + salt + "]";
        }
    }

    /** A new pair from 20 random bytes and the passphrase. */
    public static SaltKey generate(String passphrase) {
        byte[] random = new byte[20];
        RANDOM.nextBytes(random);
        return derive(random, passphrase);
    }

    /** The pair for given random bytes (deterministic; tests and reproducible set-ups). */
    public static SaltKey derive(byte[] random, String passphrase) {
        byte[] salt = sha1().digest(random);
        MessageDigest k = sha1();
        k.update(salt);
        k.update(passphrase.getBytes(StandardCharsets.UTF_8));
        return new SaltKey(HexFormat.of().formatHex(salt), HexFormat.of().formatHex(k.digest()));
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
