package dev.spamward.mime;

/**
 * Limits that cap the work done on one message. Reaching a limit never fails the parse: the rest is
 * kept as is (or dropped, for parts beyond the count) and a {@link DefectType#LIMIT_REACHED} defect
 * says which limit was hit.
 *
 * @param maxMessageBytes   bytes of input read; the rest is ignored
 * @param maxParts          parts recorded (every entity counts, containers included)
 * @param maxDepth          nesting depth of multiparts and message/rfc822 (the top level is 0)
 * @param maxHeaderFields   header fields kept per part
 * @param maxHtmlBytes      bytes of one HTML part handed to the HTML parser for text extraction
 * @param maxUrlsPerPart    URLs recorded per part
 */
public record MimeLimits(long maxMessageBytes, int maxParts, int maxDepth, int maxHeaderFields,
                         int maxHtmlBytes, int maxUrlsPerPart) {

    /** Defaults for mail on a server: 64 MiB, 1,000 parts, depth 20, 2,000 header fields, 4 MiB of HTML, 1,000 URLs. */
    public static final MimeLimits DEFAULT = new MimeLimits(64L << 20, 1000, 20, 2000, 4 << 20, 1000);

    public MimeLimits {
        if (maxMessageBytes < 1 || maxParts < 1 || maxDepth < 0 || maxHeaderFields < 1 || maxHtmlBytes < 0
                || maxUrlsPerPart < 0) {
            throw new IllegalArgumentException("MIME limits must be positive");
        }
    }
}
