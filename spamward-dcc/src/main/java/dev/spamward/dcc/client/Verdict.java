package dev.spamward.dcc.client;

/** What the DCC answer says about a message. */
public enum Verdict {
    /** A server whitelists a body checksum (count OK or OK2). */
    ACCEPT,
    /** A body checksum reached the reject threshold: bulk mail. */
    REJECT,
    /** Neither. */
    UNKNOWN
}
