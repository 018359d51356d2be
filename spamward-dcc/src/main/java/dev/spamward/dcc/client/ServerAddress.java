package dev.spamward.dcc.client;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A DCC server: host name or address literal and UDP port. Parses {@code host}, {@code host:port},
 * {@code a.b.c.d:port}, {@code [v6]:port}, a bare IPv6 literal, and DCC's own {@code host,port}.
 */
public record ServerAddress(String host, int port) {
    /** The DCC port. */
    public static final int DEFAULT_PORT = 6277;

    public ServerAddress {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("empty host");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    }

    /** Parses a server as written in the configuration. */
    public static ServerAddress parse(String text) {
        String s = text.trim();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("missing ']' in " + text);
            String host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (rest.isEmpty()) return new ServerAddress(host, DEFAULT_PORT);
            if (rest.charAt(0) != ':' && rest.charAt(0) != ',') throw new IllegalArgumentException("bad server " + text);
            return new ServerAddress(host, port(rest.substring(1)));
        }
        int comma = s.indexOf(',');
        if (comma > 0) return new ServerAddress(s.substring(0, comma), port(s.substring(comma + 1)));
        int colon = s.indexOf(':');
        if (colon > 0 && colon == s.lastIndexOf(':')) {
            return new ServerAddress(s.substring(0, colon), port(s.substring(colon + 1)));
        }
        return new ServerAddress(s, DEFAULT_PORT); // host name, IPv4 or bare IPv6 literal
    }

    private static int port(String p) {
        try {
            return Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port '" + p + "'");
        }
    }

    /** An IP address literal, without any DNS lookup. */
    static InetAddress literal(String s) {
        String t = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = t.indexOf(':') >= 0 && t.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
        if (!v4 && !v6) throw new IllegalArgumentException("not an IP address: " + s);
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + s);
        }
    }

    /** {@code host:port}, with brackets around IPv6 literals. */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
