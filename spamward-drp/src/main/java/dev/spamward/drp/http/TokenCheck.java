package dev.spamward.drp.http;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The shared-secret check. The presented token comes from {@code Authorization: Bearer <tok>}, or, when
 * that header is absent or not a bearer token, from {@code X-DRP-Token}; it is trimmed. Both sides are
 * hashed with SHA-256 and compared with {@link MessageDigest#isEqual}, so the time taken depends on
 * neither the secret's length nor the position of the first wrong byte.
 */
public final class TokenCheck {

    /** The outcome of a check. */
    public enum Result { NOT_CONFIGURED, OK, DENIED }

    private final byte[] expected;

    /** A check against {@code token}; null or blank means "no token configured" (fail closed). */
    public TokenCheck(String token) {
        this.expected = token == null || token.isBlank() ? null : sha256(token.strip());
    }

    /** Checks the request's headers. */
    public Result check(Headers headers) {
        if (expected == null) return Result.NOT_CONFIGURED;
        return MessageDigest.isEqual(sha256(presented(headers)), expected) ? Result.OK : Result.DENIED;
    }

    static String presented(Headers headers) {
        String auth = headers.getFirst("Authorization");
        if (auth != null && auth.length() >= 7 && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).strip();
        }
        String x = headers.getFirst("X-DRP-Token");
        return x == null ? "" : x.strip();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
