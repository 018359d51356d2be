package dev.spamward.bayes.tokenize;

import dev.spamward.mime.Defect;
import dev.spamward.mime.Header;
import dev.spamward.mime.MailParser;
import dev.spamward.mime.MimePart;
import dev.spamward.mime.ParsedMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a raw message into classifier tokens, on the parse tree of {@code spamward-mime} (so CRLF and LF
 * copies, any transfer encoding in any case, any charset and forwarded message/rfc822 parts are read the
 * same way). Token families:
 * <ul>
 *   <li>{@code NAME:word} for the message's header fields (name lower-cased; {@code hdr:NAME} for presence),
 *       skipping fields that carry ids, dates, signatures or other filters' verdicts ({@link HeaderRules});</li>
 *   <li>{@code mime:NAME:word} for the header fields of MIME parts (embedded messages included), and
 *       attachment meta tokens {@code part:type:}, {@code part:ext:}, {@code part:size:} (ln of the size);</li>
 *   <li>plain words of every text part: plain text, the visible text of HTML (no script, style or hidden
 *       elements), other text/*; with {@link TokenizerOptions#wordPairs()} also {@code "w1 w2"};</li>
 *   <li>{@code url:host}, {@code url.dom:}, {@code url.tld:}, {@code url.path:} for links in text and HTML
 *       attributes;</li>
 *   <li>{@code meta:} tokens for what a reader cannot see: invisible characters, parse defects, truncation;</li>
 *   <li>how the message is written ({@link MessageShape}, each family switchable in {@link TokenizerOptions}):
 *       {@code msgid:}/{@code date:} shapes, {@code horder:} header field order, {@code count:} buckets,
 *       {@code NAME:dom:} domain suffixes of header hosts, {@code align:} agreement of the sender domains.</li>
 * </ul>
 * All text is NFKC-normalised, stripped of invisible characters and case-folded before splitting
 * ({@link WordSplitter}). Never throws on mail.
 */
public final class Tokenizer {
    private final MailParser parser;
    private final TokenizerOptions opt;
    private final WordSplitter bodyWords;
    private final WordSplitter headerWords;

    public Tokenizer(MailParser parser, TokenizerOptions options) {
        this.parser = parser;
        this.opt = options;
        this.bodyWords = new WordSplitter(options.minWord(), options.maxWord());
        this.headerWords = new WordSplitter(options.minHeaderWord(), options.maxWord());
    }

    public Tokenizer() {
        this(new MailParser(), TokenizerOptions.defaults());
    }

    /** Parses and tokenizes a raw message (RFC 5322 bytes, optionally starting with an mbox From line). */
    public Tokens tokenize(byte[] raw) {
        return tokenize(parser.parse(raw));
    }

    /** Tokenizes a parsed message. */
    public Tokens tokenize(ParsedMessage msg) {
        Sink sink = new Sink(opt.maxTokens());
        try {
            headers(msg.root(), "", sink);
            if (opt.features().contains(TokenizerOptions.Feature.ID_SHAPES)) MessageShape.idShapes(msg, sink);
            if (opt.features().contains(TokenizerOptions.Feature.HEADER_ORDER)) MessageShape.headerOrder(msg, sink);
            if (opt.features().contains(TokenizerOptions.Feature.ALIGNMENT)) MessageShape.alignment(msg, sink);
            MessageShape.Counts counts = opt.features().contains(TokenizerOptions.Feature.COUNTS) ? new MessageShape.Counts() : null;
            for (MimePart p : msg.parts()) {
                if (p.depth() > 0) partMeta(p, sink);
                if (p.isText()) body(p, sink, counts);
            }
            if (counts != null) counts.emit(msg, sink);
            for (Defect d : msg.defects()) {
                sink.add("meta:defect:" + d.type().name().toLowerCase(Locale.ROOT));
                sink.problem(d.toString());
            }
        } catch (RuntimeException e) {
            // A tokenizer bug must not lose the message: classify on what was read and say so.
            sink.problem("tokenizer error: " + e);
            sink.add("meta:tokenizer-error");
        }
        if (sink.full) {
            sink.problems.add("token limit " + opt.maxTokens() + " reached; the rest of the message was ignored");
        }
        return new Tokens(List.copyOf(sink.tokens), List.copyOf(sink.problems));
    }

    private void headers(MimePart part, String prefix, Sink sink) {
        for (Header h : part.headers().all()) {
            String name = HeaderRules.lower(h.name());
            if (name.isEmpty() || name.length() > 40 || HeaderRules.skipped(name)) continue;
            // String.concat rather than +: without the optimising compiler, indy string concatenation
            // costs about 1.5 times as much per token.
            String p = prefix.concat(name).concat(":");
            if (prefix.isEmpty()) sink.add("hdr:".concat(name));
            String value = h.value() == null ? h.rawValue() : h.value();
            if (value == null) continue;
            boolean domains = opt.features().contains(TokenizerOptions.Feature.HEADER_DOMAINS);
            words(headerWords, HeaderRules.usefulValue(name, value), w -> {
                sink.add(p.concat(w));
                int at = w.indexOf('@');
                if (at > 0 && at < w.length() - 1) sink.add(p.concat("@").concat(w.substring(at + 1)));
                if (domains) {
                    String d = MessageShape.domainSuffix(w);
                    if (d != null && !d.equals(w)) sink.add(p.concat("dom:").concat(d));
                }
            }, sink);
        }
    }

    private void partMeta(MimePart p, Sink sink) {
        headers(p, "mime:", sink);
        sink.add("part:type:" + p.mimeType());
        if (!p.isMultipart() && !p.isEmbeddedMessage()) {
            int size = p.decodedBody().length;
            sink.add("part:size:" + (size == 0 ? 0 : (int) Math.log(size)) + ":" + p.mimeType().split("/")[0]);
        }
        String fn = p.filename();
        if (fn != null && !fn.isBlank()) {
            String f = TextNormalizer.normalize(fn.strip(), true).text(); // extensions compare case-insensitively
            int dot = f.lastIndexOf('.');
            if (dot >= 0 && dot < f.length() - 1 && f.length() - dot <= 8) sink.add("part:ext:" + f.substring(dot + 1));
            else sink.add("part:ext:none");
        }
    }

    private void body(MimePart p, Sink sink, MessageShape.Counts counts) {
        String text = p.visibleText();
        if (text == null) return;
        byte[] ascii = AsciiText.bytesIfAscii(text);
        if (counts != null) counts.text(p, text, ascii);
        String prev = null;
        List<String> ws = new ArrayList<>();
        words(bodyWords, text, ascii, ws::add, sink);
        for (String w : ws) {
            sink.add(w);
            if (opt.wordPairs() && prev != null) sink.add(prev + " " + w);
            prev = w;
        }
        for (String url : p.urls()) UrlTokens.tokens(url, sink::add);
        if (p.isHtml()) sink.add("meta:html");
    }

    private void words(WordSplitter splitter, String text, Consumer<String> out, Sink sink) {
        words(splitter, text, AsciiText.bytesIfAscii(text), out, sink);
    }

    /**
     * The words of {@code text}, whose ASCII bytes {@code ascii} are given when it is all ASCII (else null);
     * the words in them are case-folded in place.
     */
    private void words(WordSplitter splitter, String text, byte[] ascii, Consumer<String> out, Sink sink) {
        boolean fold = opt.caseMode() == TokenizerOptions.CaseMode.FOLD;
        Consumer<String> o = opt.caseMode() != TokenizerOptions.CaseMode.BOTH ? out : w -> {
            String folded = w.toLowerCase(Locale.ROOT);
            out.accept(folded);
            if (!folded.equals(w)) out.accept(w);
        };
        if (ascii == null) { // (ASCII is already NFKC and has no invisible characters)
            TextNormalizer.Result r = TextNormalizer.normalize(text, fold);
            if (r.hadInvisible()) sink.add("meta:invisible-chars");
            ascii = AsciiText.bytesIfAscii(r.text()); // often ASCII now: NFKC turns no-break spaces into spaces
            if (ascii == null) {
                splitter.split(r.text(), o);
                return;
            }
        }
        splitter.splitAscii(ascii, fold, o);
    }

    /** Collects tokens up to the limit. */
    private static final class Sink implements Consumer<String> {
        final List<String> tokens = new ArrayList<>(512);
        final Set<String> problems = new LinkedHashSet<>();
        final int max;
        boolean full;

        Sink(int max) {
            this.max = max;
        }

        void add(String t) {
            if (tokens.size() >= max) {
                full = true;
                return;
            }
            tokens.add(t);
        }

        void problem(String s) {
            problems.add(s);
        }

        @Override
        public void accept(String t) {
            add(t);
        }
    }
}
