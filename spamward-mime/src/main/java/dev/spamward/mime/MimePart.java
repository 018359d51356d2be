package dev.spamward.mime;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One entity of a message: the message itself, a body part of a multipart, or a message embedded as
 * message/rfc822. Holds its headers, its children and, for leaf parts, the body decoded from its
 * transfer encoding and, for text parts, decoded to text. HTML text and URLs are extracted on first use.
 */
public final class MimePart {
    private final MimePart parent;
    private final int depth;
    private final String path;
    private final List<MimePart> children = new ArrayList<>(0);
    private final List<Defect> defects = new ArrayList<>(0);
    private final MimeLimits limits;

    private Headers headers = Headers.EMPTY;
    private String mimeType = "text/plain";
    private String declaredCharset;
    private String transferEncoding = "7bit";
    private String filename;
    private boolean multipart;
    private boolean textLike = true;
    private byte[] rawBody;
    private byte[] decodedBody;
    private String text;
    private Charset charset;

    private volatile Derived derived;

    /** Lazily extracted visible text and URLs. */
    private record Derived(String visibleText, List<String> urls) {
    }

    MimePart(MimePart parent, String path, MimeLimits limits) {
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.path = path;
        this.limits = limits;
    }

    /** The enclosing part, or null for the top-level message. */
    public MimePart parent() {
        return parent;
    }

    /** Nesting depth: 0 for the message, 1 for its parts, and so on. */
    public int depth() {
        return depth;
    }

    /** Position in the tree: "" for the message, "1", "2", "1.3" ... for parts (IMAP-like numbering). */
    public String path() {
        return path;
    }

    public Headers headers() {
        return headers;
    }

    /** Lower-case media type, e.g. "text/html"; "text/plain" when the part declares none. */
    public String mimeType() {
        return mimeType;
    }

    /** The charset label as declared (unaltered), or null. */
    public String declaredCharset() {
        return declaredCharset;
    }

    /** The charset the text was decoded with (for text parts), or null. */
    public Charset charset() {
        return charset;
    }

    /** Lower-case Content-Transfer-Encoding; "7bit" when absent. */
    public String transferEncoding() {
        return transferEncoding;
    }

    /** The file name from Content-Disposition or Content-Type, or null. */
    public String filename() {
        return filename;
    }

    public List<MimePart> children() {
        return Collections.unmodifiableList(children);
    }

    /** True for a multipart container (its content is in {@link #children()}). */
    public boolean isMultipart() {
        return multipart;
    }

    /** True for a message/rfc822 part whose embedded message is its only child. */
    public boolean isEmbeddedMessage() {
        return !multipart && !children.isEmpty();
    }

    /** True when the part holds text: text/*, or a part with no usable type. */
    public boolean isText() {
        return textLike && text != null;
    }

    /** True for text/html parts. */
    public boolean isHtml() {
        return mimeType.equals("text/html") || mimeType.equals("application/xhtml+xml");
    }

    /** The body as written (transfer-encoded); empty for containers. */
    public byte[] rawBody() {
        return rawBody == null ? new byte[0] : rawBody;
    }

    /** The body after base64 or quoted-printable decoding; empty for containers. */
    public byte[] decodedBody() {
        return decodedBody == null ? new byte[0] : decodedBody;
    }

    /** The decoded text of a text part, or null for other parts. */
    public String text() {
        return textLike ? text : null;
    }

    /** What a reader sees: for HTML the visible text (no script, style or hidden elements); for other text the text. */
    public String visibleText() {
        return derived().visibleText();
    }

    /** Link and image URLs from HTML attributes and URLs written in the text, in order, without duplicates. */
    public List<String> urls() {
        return derived().urls();
    }

    /** The problems found in this part (not its children). */
    public List<Defect> defects() {
        return Collections.unmodifiableList(defects);
    }

    private Derived derived() {
        Derived d = derived;
        if (d == null) {
            d = derive();
            derived = d;
        }
        return d;
    }

    private Derived derive() {
        if (!isText()) return new Derived(null, List.of());
        Set<String> urls = new LinkedHashSet<>();
        String visible;
        try {
            if (isHtml()) {
                visible = HtmlText.extract(text, limits.maxHtmlBytes(), urls, limits.maxUrlsPerPart()).text();
            } else {
                visible = text;
            }
            Urls.find(visible, urls, limits.maxUrlsPerPart());
        } catch (RuntimeException | StackOverflowError e) {
            // The HTML parser must never take a message down; the raw text is the best fallback.
            visible = text;
        }
        return new Derived(visible, List.copyOf(urls));
    }

    // --- building (package-private, used by the parser only) ---

    void setHeaders(Headers h) {
        this.headers = h;
    }

    void setType(String mimeType, String declaredCharset, String transferEncoding, String filename) {
        this.mimeType = mimeType;
        this.declaredCharset = declaredCharset;
        this.transferEncoding = transferEncoding;
        this.filename = filename;
    }

    void setMultipart() {
        this.multipart = true;
        this.textLike = false;
    }

    void setEmbeddedContainer() {
        if (!mimeType.startsWith("message/")) mimeType = "message/rfc822";
        this.textLike = false;
    }

    void setTextLike(boolean textLike) {
        this.textLike = textLike;
    }

    boolean textLike() {
        return textLike;
    }

    void setBody(byte[] raw, byte[] decoded) {
        this.rawBody = raw;
        this.decodedBody = decoded;
    }

    void setText(String text, Charset charset) {
        this.text = text;
        this.charset = charset;
    }

    void addChild(MimePart child) {
        children.add(child);
    }

    void addDefect(Defect d) {
        defects.add(d);
    }

    List<Defect> defectSink() {
        return defects;
    }
}
