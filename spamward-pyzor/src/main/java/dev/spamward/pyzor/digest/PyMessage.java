package dev.spamward.pyzor.digest;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of the message tree as Python's {@code email.message.Message} (policy compat32) holds it:
 * raw header (name, value) pairs, and either a string payload or a list of sub-messages. Strings keep
 * undecoded 8-bit bytes as U+DC80..U+DCFF ("surrogateescape"), exactly as Python does.
 */
final class PyMessage {
    private final List<String[]> headers = new ArrayList<>();
    private String defaultType = "text/plain";
    private String payload;
    private List<PyMessage> parts;
    private String contentType; // cache: the header is parsed once, not on every question

    void addHeader(String name, String value) {
        headers.add(new String[] {name, value});
        contentType = null;
    }

    void setDefaultType(String type) {
        defaultType = type;
        contentType = null;
    }

    void attach(PyMessage child) {
        if (parts == null) parts = new ArrayList<>();
        parts.add(child);
    }

    void setPayload(String text) {
        payload = text;
    }

    /** The string payload ({@code null} for a container or a message whose body never came). */
    String payload() {
        return payload;
    }

    List<PyMessage> parts() {
        return parts == null ? List.of() : parts;
    }

    /** {@code is_multipart()}: true when the payload is a list (multipart with parts, message/*). */
    boolean isMultipart() {
        return parts != null;
    }

    /** {@code msg.get(name)}: the first header with that name (case-insensitive), or {@code null}. */
    String get(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) return unknown8bit(h[1]);
        }
        return null;
    }

    /** compat32 turns a value with 8-bit bytes into a Header whose str() shows each byte as U+FFFD. */
    private static String unknown8bit(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0xDC80 && c <= 0xDCFF) {
                StringBuilder b = new StringBuilder(value);
                for (int j = i; j < b.length(); j++) {
                    char d = b.charAt(j);
                    if (d >= 0xDC80 && d <= 0xDCFF) b.setCharAt(j, '\uFFFD');
                }
                return b.toString();
            }
        }
        return value;
    }

    /** {@code get_content_type()}: lower-case type, the default type when absent, text/plain when invalid. */
    String contentType() {
        if (contentType == null) contentType = parseContentType();
        return contentType;
    }

    private String parseContentType() {
        String value = get("content-type");
        if (value == null) return defaultType;
        int semi = value.indexOf(';');
        String ctype = PyText.lowerAscii(PyText.strip(semi < 0 ? value : value.substring(0, semi)));
        int slash = ctype.indexOf('/');
        if (slash < 0 || ctype.indexOf('/', slash + 1) >= 0) return "text/plain";
        return ctype;
    }

    String mainType() {
        String t = contentType();
        return t.substring(0, t.indexOf('/'));
    }

    String subType() {
        String t = contentType();
        return t.substring(t.indexOf('/') + 1);
    }

    /** {@code get_param(name)} on Content-Type, unquoted; {@code null} when absent. */
    PyParams.Value param(String name) {
        String value = get("content-type");
        return value == null ? null : PyParams.find(value, name);
    }

    /** {@code get_boundary()}: the unquoted boundary with trailing whitespace removed, or {@code null}. */
    String boundary() {
        PyParams.Value b = param("boundary");
        if (b == null) return null;
        return PyText.rstrip(b.collapse());
    }

    /** {@code get_content_charset()}: lower-case charset, or {@code null} when absent or not ASCII. */
    String contentCharset() {
        PyParams.Value v = param("charset");
        if (v == null) return null;
        String cs = v.charsetValue();
        if (cs == null || !PyText.isAscii(cs)) return null;
        return PyText.lowerAscii(cs);
    }

    /** {@code walk()}: this message, then every sub-message depth first. */
    void walk(List<PyMessage> out) {
        out.add(this);
        if (parts != null) {
            for (PyMessage p : parts) p.walk(out);
        }
    }
}
