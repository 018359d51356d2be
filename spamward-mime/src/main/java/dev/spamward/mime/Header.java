package dev.spamward.mime;

/**
 * One header field.
 *
 * @param name     the field name as written
 * @param rawValue the value unfolded (line breaks inside the field removed), not RFC 2047 decoded
 * @param value    the value unfolded and with RFC 2047 encoded words decoded
 */
public record Header(String name, String rawValue, String value) {
}
