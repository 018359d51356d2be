package dev.spamward.dcc.checksum;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** MD5, which the DCC protocol uses for every checksum and signature. */
public final class Md5 {
    private Md5() {
    }

    /** A new MD5 digest (every JDK has one). */
    public static MessageDigest create() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }
}
