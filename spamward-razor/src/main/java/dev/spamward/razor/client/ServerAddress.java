package dev.spamward.razor.client;

import java.util.Locale;

/**
 * A Razor server as {@code host[:port]}; the port defaults to 2703.
 *
 * @param host host name or IP address (IPv6 in brackets when a port follows)
 * @param port TCP port
 */
public record ServerAddress(String host, int port) {
    /** The Razor2 TCP port. */
    public static final int DEFAULT_PORT = 2703;

    public ServerAddress {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("empty server host");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("bad port " + port);
    }

    /** Parses {@code host}, {@code host:port} or {@code [v6]:port}. */
    public static ServerAddress parse(String text) {
        String s = text.strip();
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            if (end < 0) throw new IllegalArgumentException("bad server address '" + text + "'");
            String host = s.substring(1, end);
            if (end + 1 == s.length()) return new ServerAddress(host, DEFAULT_PORT);
            if (s.charAt(end + 1) != ':') throw new IllegalArgumentException("bad server address '" + text + "'");
            return new ServerAddress(host, port(s.substring(end + 2), text));
        }
        int colon = s.lastIndexOf(':');
        if (colon < 0 || s.indexOf(':') != colon) return new ServerAddress(s, DEFAULT_PORT);
        return new ServerAddress(s.substring(0, colon), port(s.substring(colon + 1), text));
    }

    private static int port(String p, String text) {
        try {
            return Integer.parseInt(p);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in server address '" + text + "'");
        }
    }

    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return h.toLowerCase(Locale.ROOT) + ":" + port;
    }
}
