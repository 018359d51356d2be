package dev.spamward.pyzor.account;

import java.util.Objects;

/**
 * A Pyzor server as named in the servers file. The host is kept exactly as written: accounts are matched on
 * the same string (pyzor does not resolve names for that).
 *
 * @param host host name or address
 * @param port UDP port
 */
public record PyzorServer(String host, int port) {
    /** The server pyzor uses when none is configured. */
    public static final PyzorServer PUBLIC = new PyzorServer("public.pyzor.org", 24441);

    public PyzorServer {
        Objects.requireNonNull(host);
        if (host.isEmpty()) throw new IllegalArgumentException("empty host");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    }

    /** Parses {@code host:port} (the last colon separates the port). */
    public static PyzorServer parse(String text) {
        String s = text.strip();
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) throw new IllegalArgumentException("expected host:port, got '" + text + "'");
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + text + "'");
        }
        return new PyzorServer(s.substring(0, colon), port);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
