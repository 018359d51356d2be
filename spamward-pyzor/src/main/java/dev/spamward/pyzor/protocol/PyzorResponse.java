package dev.spamward.pyzor.protocol;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A parsed and validated reply datagram: {@code Code}, {@code Diag}, {@code PV} and {@code Thread} are
 * required (as pyzor's {@code Response.ensure_complete}); {@code Count}, {@code WL-Count} and the
 * {@code info} times are optional and checked by the caller that needs them.
 *
 * @param code    the HTTP-like status (200 = OK)
 * @param diag    the server's diagnostic text, control characters removed, at most 512 characters
 * @param version the {@code PV} value
 * @param thread  the echoed thread id (0..65535)
 * @param headers every header (first occurrence), keys in lower case
 */
public record PyzorResponse(int code, String diag, String version, int thread, Map<String, String> headers) {
    /** Largest datagram a client accepts (as pyzor's {@code max_packet_size}). */
    public static final int MAX_PACKET = 8192;
    private static final int MAX_HEADERS = 64;
    private static final int MAX_DIAG = 512;

    public PyzorResponse {
        headers = Map.copyOf(headers);
    }

    /** True for code 200. */
    public boolean ok() {
        return code == 200;
    }

    /** {@code Count}: spam reports. */
    public OptionalLong count() {
        return number("count");
    }

    /** {@code WL-Count}: whitelist entries. */
    public OptionalLong wlCount() {
        return number("wl-count");
    }

    /** A numeric header (absent or not a number: empty). */
    public OptionalLong number(String name) {
        String v = headers.get(name.toLowerCase(Locale.ROOT));
        if (v == null) return OptionalLong.empty();
        return parseLong(v);
    }

    /** The {@code (code, 'diag')} text pyzor's CLI prints. */
    public String headTuple() {
        return "(" + code + ", " + PyRepr.str(diag) + ")";
    }

    /**
     * Parses one datagram. Never throws anything but {@link PyzorProtocolException}, whatever the bytes.
     */
    public static PyzorResponse parse(byte[] packet, int length) throws PyzorProtocolException {
        if (length > MAX_PACKET) throw new PyzorProtocolException("reply of " + length + " bytes exceeds " + MAX_PACKET);
        String text = new String(packet, 0, length, StandardCharsets.ISO_8859_1);
        Map<String, String> headers = new LinkedHashMap<>();
        String lastName = null;
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end);
            start = end + 1;
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            if (line.isEmpty()) break; // end of the header block
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (lastName != null && headers.get(lastName) != null) headers.put(lastName, headers.get(lastName) + line);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) break; // not a header: Python starts the body here
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            if (headers.size() >= MAX_HEADERS) throw new PyzorProtocolException("reply has more than " + MAX_HEADERS + " headers");
            lastName = name;
            headers.putIfAbsent(name, line.substring(colon + 1).strip());
        }
        for (String required : new String[] {"code", "diag", "pv", "thread"}) {
            if (!headers.containsKey(required)) {
                throw new PyzorProtocolException("incomplete reply: no " + capitalise(required) + " header");
            }
        }
        OptionalLong code = parseLong(headers.get("code"));
        if (code.isEmpty() || code.getAsLong() < 0 || code.getAsLong() > 999) {
            throw new PyzorProtocolException("reply Code is not a status: " + clean(headers.get("code"), 40));
        }
        OptionalLong thread = parseLong(headers.get("thread"));
        if (thread.isEmpty() || thread.getAsLong() < 0 || thread.getAsLong() > ThreadIds.MAX) {
            throw new PyzorProtocolException("reply Thread out of range: " + clean(headers.get("thread"), 40));
        }
        return new PyzorResponse((int) code.getAsLong(), clean(headers.get("diag"), MAX_DIAG),
                clean(headers.get("pv"), 40), (int) thread.getAsLong(), headers);
    }

    private static String capitalise(String h) {
        return h.equals("pv") ? "PV" : Character.toUpperCase(h.charAt(0)) + h.substring(1);
    }

    /** Printable text only, bounded (diag comes from the network and ends up in logs). */
    static String clean(String s, int max) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return b.toString();
    }

    private static OptionalLong parseLong(String v) {
        String s = v.strip();
        if (s.isEmpty() || s.length() > 18) return OptionalLong.empty();
        int i = (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (i == s.length()) return OptionalLong.empty();
        for (int k = i; k < s.length(); k++) {
            if (s.charAt(k) < '0' || s.charAt(k) > '9') return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(s));
    }
}
