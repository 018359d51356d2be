package dev.spamward.greylist.engine;

import dev.spamward.greylist.state.IpMask;
import java.net.InetAddress;

/**
 * One greylisting question, the same for every front door: raw values as the protocol gave them
 * (normalisation happens in the engine, once, for all of them).
 *
 * @param clientAddress raw client address text ("" if missing)
 * @param clientName    verified client host name, or "" / "unknown"
 * @param heloName      HELO/EHLO argument, or ""
 * @param sender        envelope sender as given (may have angle brackets; "" for the null sender)
 * @param recipient     envelope recipient as given
 * @param saslUsername  authenticated user, or ""
 */
public record Query(String clientAddress, String clientName, String heloName, String sender, String recipient,
                    String saslUsername) {

    public Query {
        clientAddress = clientAddress == null ? "" : clientAddress;
        clientName = clientName == null ? "" : clientName;
        heloName = heloName == null ? "" : heloName;
        sender = sender == null ? "" : sender;
        recipient = recipient == null ? "" : recipient;
        saslUsername = saslUsername == null ? "" : saslUsername;
    }

    /** A query with only the triplet fields. */
    public static Query of(String clientAddress, String sender, String recipient) {
        return new Query(clientAddress, "", "", sender, recipient, "");
    }

    /** The parsed client address, or null when it is not an IP literal. */
    public InetAddress client() {
        return IpMask.parse(clientAddress);
    }

    /** The client host name, or "" when unknown. */
    public String knownClientName() {
        return clientName.isEmpty() || clientName.equalsIgnoreCase("unknown") ? "" : clientName;
    }
}
