package dev.spamward.mime;

/** Kinds of problems the parser found and worked around. None of them stops parsing. */
public enum DefectType {
    /** Characters outside the base64 alphabet, or a truncated final group. */
    BAD_BASE64,
    /** More base64 after the padding; it was decoded too. */
    BASE64_DATA_AFTER_PADDING,
    /** '=' not followed by two hex digits or a line break in quoted-printable. */
    BAD_QUOTED_PRINTABLE,
    /** A Content-Transfer-Encoding the parser does not know; the body is taken as is. */
    UNKNOWN_TRANSFER_ENCODING,
    /** A charset label the JDK and the alias table do not know; text decoded with a fallback. */
    UNKNOWN_CHARSET,
    /** Bytes invalid in the declared charset; replaced with U+FFFD. */
    MALFORMED_TEXT,
    /** 8-bit bytes in text without a declared charset; charset guessed. */
    UNDECLARED_8BIT,
    /** 8-bit bytes in a header field; decoded as UTF-8 when valid, else windows-1252. */
    HEADER_8BIT,
    /** An RFC 2047 encoded word that could not be decoded; kept as written. */
    BAD_ENCODED_WORD,
    /** A multipart without a usable boundary parameter; its body is kept as one text part. */
    MISSING_BOUNDARY,
    /** A multipart or header block that ended before its closing boundary or blank line. */
    PREMATURE_END,
    /** A header line that is not a field; parsing went on. */
    MALFORMED_HEADER,
    /** Lines end in a bare CR; they were read as line ends. */
    BARE_CR_LINE_ENDS,
    /** NUL bytes in the message. */
    NUL_BYTES,
    /** A size, count or depth limit was reached (see {@link MimeLimits}); the detail names it. */
    LIMIT_REACHED,
    /** The underlying MIME parser stopped with an error; what was parsed is kept. */
    PARSER_ERROR
}
