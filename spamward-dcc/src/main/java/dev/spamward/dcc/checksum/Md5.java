package dev.spamward.dcc.checksum;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** MD5, which the DCC protocol uses for every checksum and signature. */
public final class Md5 {
    private static final MessageDigest PROTOTYPE = lookup();

    private Md5() {
    }

    private static MessageDigest lookup() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }

    /** A new MD5 digest (cloned from a prototype: cheaper than a provider lookup per checksum). */
    public static MessageDigest create() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return lookup();
        }
    }
}
