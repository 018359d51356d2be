package dev.spamward.greylist.policy;

import dev.spamward.greylist.engine.Query;

/**
 * One Postfix policy delegation request: the attributes the greylister reads. Every other attribute
 * Postfix 3.7 sends (29 at RCPT; greylisting.md §3.1) is accepted and ignored, as are unknown ones.
 */
final class PolicyRequest {
    String request = "";
    String protocolState = "";
    String clientAddress;
    String clientName = "";
    String reverseClientName = "";
    String heloName = "";
    String sender;
    String recipient;
    String saslUsername = "";
    boolean single;
    /** A line without '=': the request is answered with the error answer. */
    boolean malformed;
    int attributes;

    private static final String[] KNOWN = {"request", "protocol_state", "client_address", "client_name",
            "reverse_client_name", "helo_name", "sender", "recipient", "sasl_username", "grossd_mode"};
    private static final byte[][] KNOWN_BYTES = new byte[KNOWN.length][];

    static {
        for (int i = 0; i < KNOWN.length; i++) KNOWN_BYTES[i] = KNOWN[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** The attribute name in {@code line[0..len)} if the greylister reads it, else null (no allocation). */
    static String knownName(byte[] line, int len) {
        for (int i = 0; i < KNOWN_BYTES.length; i++) {
            byte[] k = KNOWN_BYTES[i];
            if (k.length == len && java.util.Arrays.equals(k, 0, len, line, 0, len)) return KNOWN[i];
        }
        return null;
    }

    void set(String name, String value) {
        switch (name) {
            case "request" -> request = value;
            case "protocol_state" -> protocolState = value;
            case "client_address" -> clientAddress = value;
            case "client_name" -> clientName = value;
            case "reverse_client_name" -> reverseClientName = value;
            case "helo_name" -> heloName = value;
            case "sender" -> sender = value;
            case "recipient" -> recipient = value;
            case "sasl_username" -> saslUsername = value;
            case "grossd_mode" -> single = true;
            default -> {
                // Every other attribute (and any future one) is ignored.
            }
        }
    }

    /** The engine query; the verified client_name is what whitelists match. */
    Query toQuery() {
        return new Query(clientAddress, clientName, heloName, sender, recipient, saslUsername);
    }
}
