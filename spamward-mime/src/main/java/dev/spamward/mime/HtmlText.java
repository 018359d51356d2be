package dev.spamward.mime;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * HTML to the text a reader sees, with jsoup's lenient HTML5 parser: script, style, head and elements
 * hidden with {@code display:none}, {@code visibility:hidden} or the {@code hidden} attribute give no
 * text; block elements become line breaks. Link and image URLs are collected from attributes.
 */
final class HtmlText {
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "template", "noscript", "object", "svg");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "table", "ul", "ol", "blockquote", "pre", "hr", "section", "article", "header", "footer", "dt", "dd", "form", "center");
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "background", "data", "poster");

    /** Visible text and URLs of one HTML document. */
    record Result(String text, boolean truncated) {
    }

    private HtmlText() {
    }

    static Result extract(String html, int maxBytes, Collection<String> urls, int maxUrls) {
        boolean truncated = false;
        if (html.length() > maxBytes) {
            html = html.substring(0, maxBytes);
            truncated = true;
        }
        Document doc = Jsoup.parse(html);
        StringBuilder text = new StringBuilder(html.length() / 2);
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.getWholeText());
                    return FilterResult.CONTINUE;
                }
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    for (Attribute a : e.attributes()) {
                        if (URL_ATTRIBUTES.contains(a.getKey().toLowerCase(Locale.ROOT)) && urls.size() < maxUrls) {
                            String v = a.getValue().strip();
                            if (!v.isEmpty() && !v.startsWith("#") && !v.regionMatches(true, 0, "javascript:", 0, 11)) urls.add(v);
                        }
                    }
                    if (SKIPPED.contains(tag) || hidden(e)) return FilterResult.SKIP_ENTIRELY;
                    if (BLOCKS.contains(tag)) text.append('\n');
                    else if (tag.equals("td") || tag.equals("th") || tag.equals("img")) text.append(' ');
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) text.append('\n');
                return FilterResult.CONTINUE;
            }
        }, doc);
        return new Result(collapse(text), truncated);
    }

    private static boolean hidden(Element e) {
        if (e.hasAttr("hidden")) return true;
        String style = e.attr("style");
        if (style.isEmpty()) return false;
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }

    /**
     * Collapses runs of blanks inside lines and runs of blank lines, keeping line structure. Works on a
     * char array: the output is never longer than the input, and per-character StringBuilder calls are
     * slow without the optimising compiler.
     */
    private static String collapse(StringBuilder in) {
        int n = in.length();
        char[] src = new char[n];
        in.getChars(0, n, src, 0);
        char[] out = new char[n];
        int k = 0;
        boolean space = false;
        int newlines = 0;
        for (int i = 0; i < n; i++) {
            char c = src[i];
            if (c == '\n' || c == '\r') {
                newlines++;
                space = false;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\u00a0' || c == '\f') {
                space = true;
                continue;
            }
            if (newlines > 0 && k > 0) {
                out[k++] = '\n';
                if (newlines > 1) out[k++] = '\n';
            } else if (space && k > 0) {
                out[k++] = ' ';
            }
            newlines = 0;
            space = false;
            out[k++] = c;
        }
        return new String(out, 0, k);
    }
}
