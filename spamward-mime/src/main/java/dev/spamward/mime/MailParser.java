package dev.spamward.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * Parses raw RFC 5322/MIME bytes (LF or CRLF line ends, 8-bit, NULs, any amount of breakage) into a
 * {@link ParsedMessage}. It never throws and never hangs: mime4j does the MIME structure, this class
 * adds lenient transfer and charset decoding, RFC 2047 headers and limits, and records every problem as
 * a {@link Defect}. Thread-safe; one instance can serve all threads.
 */
public final class MailParser {
    private static final MimeConfig MIME4J = new MimeConfig.Builder()
            .setStrictParsing(false)
            .setMaxLineLen(-1)         // line and header sizes are bounded by maxMessageBytes instead
            .setMaxHeaderLen(-1)
            .setMaxHeaderCount(-1)     // our own limit drops extra fields instead of failing the parse
            .setMaxContentLen(-1)
            .setMalformedHeaderStartsBody(false)
            .build();

    private final MimeLimits limits;

    /** A parser with {@link MimeLimits#DEFAULT}. */
    public MailParser() {
        this(MimeLimits.DEFAULT);
    }

    public MailParser(MimeLimits limits) {
        this.limits = limits;
    }

    public MimeLimits limits() {
        return limits;
    }

    /**
     * Reads at most {@code maxMessageBytes} from {@code in} and parses them (counting, not keeping, the rest). The
     * parsing never throws; a read error does, so that the caller can report it instead of an empty message.
     */
    public ParsedMessage parse(InputStream in) throws IOException {
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxMessageBytes()));
        long total = data.length;
        // Count (without keeping) what is beyond the limit, so the size is reported truthfully.
        byte[] skip = new byte[8192];
        int r;
        while ((r = in.read(skip)) > 0) total += r;
        return parse(data, total);
    }

    /** Parses a whole message held in memory. Never throws. */
    public ParsedMessage parse(byte[] raw) {
        return parse(raw, raw.length);
    }

    private ParsedMessage parse(byte[] raw, long totalSize) {
        MimePart root = new MimePart(null, "", limits);
        String mboxFrom = null;
        try {
            byte[] data = raw;
            if (totalSize > limits.maxMessageBytes() || data.length > limits.maxMessageBytes()) {
                root.addDefect(new Defect(DefectType.LIMIT_REACHED, "message size > " + limits.maxMessageBytes() + " bytes"));
                if (data.length > limits.maxMessageBytes()) data = Arrays.copyOf(data, (int) limits.maxMessageBytes());
            }
            int start = 0;
            if (startsWith(data, "From ")) {
                int eol = indexOf(data, (byte) '\n', 0);
                int end = eol < 0 ? data.length : eol;
                mboxFrom = new String(data, 0, end, StandardCharsets.ISO_8859_1).stripTrailing();
                start = eol < 0 ? data.length : eol + 1;
            }
            if (indexOf(data, (byte) 0, start) >= 0) root.addDefect(new Defect(DefectType.NUL_BYTES, ""));
            byte[] fixed = fixBareCr(data, start, root);
            if (fixed != data) {
                data = fixed;
                start = 0;
            }
            new Builder(root, limits).run(new ByteArrayInputStream(data, start, data.length - start));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            root.addDefect(new Defect(DefectType.PARSER_ERROR, e.getClass().getSimpleName()));
        }
        return new ParsedMessage(root, totalSize, mboxFrom);
    }

    /** Mail with CR-only line ends (old Mac) gets LF line ends, since the MIME parser splits lines on LF. */
    private static byte[] fixBareCr(byte[] data, int start, MimePart root) {
        if (indexOf(data, (byte) '\n', start) >= 0 || indexOf(data, (byte) '\r', start) < 0) return data;
        root.addDefect(new Defect(DefectType.BARE_CR_LINE_ENDS, ""));
        byte[] out = Arrays.copyOfRange(data, start, data.length);
        for (int i = 0; i < out.length; i++) {
            if (out[i] == '\r') out[i] = '\n';
        }
        return out;
    }

    private static boolean startsWith(byte[] data, String prefix) {
        if (data.length < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) {
            if (data[i] != prefix.charAt(i)) return false;
        }
        return true;
    }

    private static int indexOf(byte[] data, byte b, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == b) return i;
        }
        return -1;
    }

    /**
     * Builds the part tree from mime4j's pull parser; one instance per message. Driving
     * {@link MimeTokenStream} ourselves (rather than {@code MimeStreamParser}) lets a limit end the
     * parse at once: mime4j's push parser keeps descending after {@code stop()}, and each nested
     * multipart level rescans the rest of the input, which made 300 unclosed nested multiparts take
     * minutes.
     */
    private static final class Builder {
        private final MimeLimits limits;
        private final Deque<MimePart> stack = new ArrayDeque<>();
        private final MimePart root;
        private MimePart current;
        private List<Header> fields;
        private int partCount = 1;
        private boolean stopped;

        Builder(MimePart root, MimeLimits limits) {
            this.root = root;
            this.limits = limits;
        }

        void run(InputStream in) {
            DecodeMonitor monitor = new DecodeMonitor() {
                @Override
                public boolean warn(String message, String dropDesc) {
                    note(message);
                    return false;
                }

                @Override
                public boolean isListening() {
                    return true;
                }
            };
            MimeTokenStream tokens = new MimeTokenStream(MIME4J, monitor, null);
            tokens.setRecursionMode(RecursionMode.M_RECURSE);
            try {
                tokens.parse(in);
                for (EntityState state = tokens.getState(); state != EntityState.T_END_OF_STREAM && !stopped;
                        state = tokens.next()) {
                    switch (state) {
                        case T_START_MESSAGE -> startMessage();
                        case T_END_MESSAGE, T_END_BODYPART -> pop();
                        case T_START_BODYPART -> startBodyPart();
                        case T_START_HEADER -> fields = new ArrayList<>();
                        case T_FIELD -> field(tokens.getField());
                        case T_END_HEADER -> endHeader();
                        case T_START_MULTIPART -> {
                            if (current != null) current.setMultipart();
                        }
                        case T_BODY -> body(tokens.getInputStream());
                        default -> {
                            // Preamble, epilogue and end of multipart carry nothing we keep.
                        }
                    }
                }
            } catch (MimeException | IOException | RuntimeException e) {
                MimePart p = current != null ? current : root;
                p.addDefect(new Defect(DefectType.PARSER_ERROR, e.getClass().getSimpleName()));
            }
        }

        private void note(String mime4jEvent) {
            MimePart p = current != null ? current : root;
            String e = mime4jEvent == null ? "" : mime4jEvent.toLowerCase(Locale.ROOT);
            if (e.contains("premature")) {
                p.addDefect(new Defect(DefectType.PREMATURE_END, mime4jEvent));
            } else if (e.contains("invalid header") || e.contains("obsolete")) {
                if (!hasDefect(p, DefectType.MALFORMED_HEADER)) p.addDefect(new Defect(DefectType.MALFORMED_HEADER, ""));
            }
        }

        private static boolean hasDefect(MimePart p, DefectType t) {
            for (Defect d : p.defects()) {
                if (d.type() == t) return true;
            }
            return false;
        }

        private void limit(String what) {
            if (!stopped) {
                root.addDefect(new Defect(DefectType.LIMIT_REACHED, what));
                stopped = true;
            }
        }

        private void startMessage() {
            if (stack.isEmpty()) {
                current = root;
            } else {
                // An embedded message/rfc822: a child of the current part. mime4j's reading of the
                // structure wins over ours when a broken Content-Type makes them disagree.
                MimePart parent = stack.peek();
                parent.setEmbeddedContainer();
                if (!open(parent, parent.path().isEmpty() ? "1" : parent.path() + ".1")) return;
            }
            stack.push(current);
        }

        private void startBodyPart() {
            MimePart parent = stack.peek();
            if (parent == null) return;
            int n = parent.children().size() + 1;
            if (!open(parent, parent.path().isEmpty() ? String.valueOf(n) : parent.path() + "." + n)) return;
            stack.push(current);
        }

        /** Creates a child part, unless a count or depth limit stops the parse. */
        private boolean open(MimePart parent, String path) {
            if (stopped) return false;
            if (partCount >= limits.maxParts()) {
                limit("parts > " + limits.maxParts());
                return false;
            }
            if (parent.depth() + 1 > limits.maxDepth()) {
                limit("depth > " + limits.maxDepth());
                return false;
            }
            partCount++;
            MimePart child = new MimePart(parent, path, limits);
            parent.addChild(child);
            current = child;
            return true;
        }

        private void pop() {
            if (!stack.isEmpty()) stack.pop();
            current = stack.peek();
        }

        private void field(Field field) {
            if (current == null || fields == null) return;
            if (fields.size() >= limits.maxHeaderFields()) {
                if (fields.size() == limits.maxHeaderFields()) {
                    current.addDefect(new Defect(DefectType.LIMIT_REACHED, "header fields > " + limits.maxHeaderFields()));
                    fields.add(null); // sentinel: report once
                }
                return;
            }
            fields.add(header(field, current.defectSink()));
        }

        private void endHeader() {
            if (current == null || fields == null) return;
            fields.removeIf(java.util.Objects::isNull);
            Headers h = new Headers(fields);
            current.setHeaders(h);
            HeaderParams ct = HeaderParams.parse(h.first("Content-Type"));
            String type = ct.value();
            boolean explicitType = type.indexOf('/') > 0;
            if (!explicitType) {
                MimePart parent = current.parent();
                type = parent != null && parent.isMultipart() && "multipart/digest".equals(parent.mimeType())
                        ? "message/rfc822" : "text/plain";
            }
            String cte = h.first("Content-Transfer-Encoding");
            cte = cte == null ? "7bit" : cte.strip().toLowerCase(Locale.ROOT);
            HeaderParams cd = HeaderParams.parse(h.first("Content-Disposition"));
            String filename = cd.param("filename");
            if (filename == null) filename = ct.param("name");
            current.setType(type, ct.param("charset"), cte, filename);
            current.setTextLike(type.startsWith("text/") || type.equals("application/xhtml+xml"));
            fields = null;
        }

        private void body(InputStream is) throws IOException {
            byte[] raw = is.readAllBytes();
            MimePart p = current;
            if (p == null) return;
            List<Defect> sink = p.defectSink();
            if (p.mimeType().startsWith("multipart/")) {
                // mime4j found no usable boundary: keep the body as text so that nothing is lost.
                sink.add(new Defect(DefectType.MISSING_BOUNDARY, p.mimeType()));
                p.setTextLike(true);
            } else if (p.mimeType().equals("message/rfc822") && p.children().isEmpty()) {
                p.setTextLike(false);
            }
            byte[] decoded = TransferDecoding.decode(p.transferEncoding(), raw, sink);
            p.setBody(raw, decoded);
            if (p.textLike()) {
                Charsets.Text t = Charsets.decode(decoded, p.declaredCharset(), sink);
                p.setText(t.text(), t.charset());
                if (p.isHtml() && t.text().length() > limits.maxHtmlBytes()) {
                    sink.add(new Defect(DefectType.LIMIT_REACHED, "HTML text > " + limits.maxHtmlBytes()));
                }
            }
        }

        /** Unfolds, decodes 8-bit bytes and RFC 2047 words of one header field. */
        private static Header header(Field field, List<Defect> defects) {
            String name = field.getName();
            ByteSequence raw = field.getRaw();
            String rawValue;
            if (raw != null) {
                byte[] b = raw.toByteArray();
                int colon = 0;
                while (colon < b.length && b[colon] != ':') colon++;
                int from = Math.min(b.length, colon + 1);
                Header ascii = asciiHeader(name, b, from, defects);
                if (ascii != null) return ascii;
                rawValue = unfold(Charsets.decodeHeaderBytes(b, from, b.length - from, defects));
            } else {
                rawValue = unfold(field.getBody() == null ? "" : field.getBody());
            }
            return new Header(name, rawValue, EncodedWords.decode(rawValue, defects));
        }

        /**
         * For an ASCII value (bytes from {@code from} on), the header the general path gives, in one pass
         * over the bytes that also tells whether the unfolded value holds "=?" (else it has no encoded
         * words to decode); null for 8-bit values.
         */
        private static Header asciiHeader(String name, byte[] b, int from, List<Defect> defects) {
            int lineBreaks = 0;
            boolean encoded = false;
            byte last = 0;
            for (int i = from; i < b.length; i++) {
                byte c = b[i];
                if (c < 0) return null;
                if (c == '\r' || c == '\n') {
                    lineBreaks++;
                } else {
                    encoded |= last == '=' && c == '?';
                    last = c;
                }
            }
            String value;
            if (lineBreaks == 0) {
                value = new String(b, from, b.length - from, StandardCharsets.ISO_8859_1).strip();
            } else {
                byte[] out = new byte[b.length - from - lineBreaks];
                int k = 0;
                for (int i = from; i < b.length; i++) {
                    if (b[i] != '\r' && b[i] != '\n') out[k++] = b[i];
                }
                value = new String(out, StandardCharsets.ISO_8859_1).strip();
            }
            return new Header(name, value, encoded ? EncodedWords.decode(value, defects) : value);
        }

        /** Removes the line breaks of folded lines (keeping the blank that follows) and surrounding blanks. */
        static String unfold(String v) {
            if (v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v.strip();
            StringBuilder out = new StringBuilder(v.length());
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c != '\r' && c != '\n') out.append(c);
            }
            return out.toString().strip();
        }
    }
}
