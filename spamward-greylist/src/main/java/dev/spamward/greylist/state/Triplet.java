package dev.spamward.greylist.state;

import java.net.InetAddress;

/**
 * A normalised greylisting triplet: the masked client network, the sender and the recipient.
 *
 * @param network   masked client address as text, or {@link IpMask#ANY}
 * @param sender    normalised sender ("" for the null sender)
 * @param recipient normalised recipient
 */
public record Triplet(String network, String sender, String recipient) {

    /** Builds the triplet from raw protocol values. */
    public static Triplet of(InetAddress client, String sender, String recipient, IpMask mask, AddressNormalizer norm) {
        return new Triplet(mask.apply(client), norm.normalize(sender), norm.normalize(recipient));
    }

    /** The key string grossd hashes: {@code "<network> <sender> <recipient>"}. */
    public String key() {
        return network + ' ' + sender + ' ' + recipient;
    }

    /** SHA-256 words of {@link #key()}. */
    public int[] digest() {
        return Digest.of(key());
    }
}
