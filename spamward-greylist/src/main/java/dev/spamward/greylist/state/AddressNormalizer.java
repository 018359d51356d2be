package dev.spamward.greylist.state;

import java.util.Locale;

/**
 * The one envelope-address normaliser shared by every front door, so that a policy triplet and a milter
 * triplet for the same mail are the same key (grossd defects 2 and 3). It strips white space, angle
 * brackets and an RFC 5321 source route, lower-cases the domain and, by default, the local part
 * (as postgrey does; RFC 5321 allows case-sensitive local parts but no real mailbox relies on it).
 *
 * @param lowerCaseLocalPart whether the local part is lower-cased too
 */
public record AddressNormalizer(boolean lowerCaseLocalPart) {

    /** Normalises one address; {@code null}, empty and {@code <>} (the null sender) give "". */
    public String normalize(String address) {
        if (address == null) return "";
        String s = address.strip();
        if (s.startsWith("<")) {
            int end = s.indexOf('>');
            s = end < 0 ? s.substring(1) : s.substring(1, end);
        } else if (s.endsWith(">")) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.strip();
        // "@relay1,@relay2:user@domain" - the source route is obsolete and not part of the mailbox.
        if (s.startsWith("@")) {
            int colon = s.indexOf(':');
            if (colon > 0) s = s.substring(colon + 1);
        }
        int at = s.lastIndexOf('@');
        if (lowerCaseLocalPart || at < 0) return s.toLowerCase(Locale.ROOT);
        return s.substring(0, at) + s.substring(at).toLowerCase(Locale.ROOT);
    }

    /** The domain of a normalised address (after the last {@code @}), or "" if there is none. */
    public static String domain(String normalized) {
        int at = normalized.lastIndexOf('@');
        return at < 0 ? "" : normalized.substring(at + 1);
    }
}
