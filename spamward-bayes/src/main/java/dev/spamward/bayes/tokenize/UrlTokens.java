package dev.spamward.bayes.tokenize;

import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Tokens of one URL: {@code url:HOST}, {@code url.dom:REGISTERED-DOMAIN}, {@code url.tld:TLD},
 * {@code url.ip} for numeric hosts, and up to five path pieces {@code url.path:PIECE}. The registered
 * domain is approximated without a public-suffix list: the last two labels, or three under common
 * second-level registries such as {@code co.uk} or {@code com.au}.
 */
final class UrlTokens {
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "ac", "gov", "edu", "ne", "or", "go", "gob", "mil", "nom");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");
    private static final boolean[] PATH_SEPARATOR = new boolean[0x80];

    static {
        for (char c : "/?&=#;+.,_~%-".toCharArray()) PATH_SEPARATOR[c] = true;
    }

    private UrlTokens() {
    }

    static void tokens(String url, Consumer<String> out) {
        String u = url.strip();
        int scheme = u.indexOf("://");
        String rest = scheme >= 0 && scheme < 12 ? u.substring(scheme + 3) : u;
        int slash = indexOfAny(rest, "/?#");
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
            out.accept("url.userinfo");
        }
        String host = authority;
        if (host.startsWith("[")) {
            out.accept("url.ip");
            return;
        }
        int colon = host.indexOf(':');
        if (colon >= 0) host = host.substring(0, colon);
        host = host.toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        if (host.isEmpty() || host.length() > 100) return;
        if (IPV4.matcher(host).matches()) {
            out.accept("url.ip");
        } else {
            out.accept("url:" + host);
            String[] labels = host.split("\\.");
            if (labels.length >= 2) {
                int take = labels.length >= 3 && labels[labels.length - 1].length() == 2
                        && SECOND_LEVEL.contains(labels[labels.length - 2]) ? 3 : 2;
                if (labels.length > take) {
                    out.accept("url.dom:" + String.join(".", java.util.Arrays.copyOfRange(labels, labels.length - take, labels.length)));
                }
                out.accept("url.tld:" + labels[labels.length - 1]);
            }
        }
        pathPieces(path.toLowerCase(Locale.ROOT), out);
    }

    /**
     * {@code url.path:} for the first five pieces of 3 to 30 characters between separators: the pieces of
     * {@code path.split("[/?&=#;+.,_~%-]+")}, by a hand-written scan (only the non-empty pieces matter).
     */
    static void pathPieces(String path, Consumer<String> out) {
        int[] pieces = {0};
        Runs.forEach(path, UrlTokens::pathSeparator, (start, end) -> {
            if (end - start < 3 || end - start > 30) return true;
            out.accept("url.path:".concat(path.substring(start, end)));
            return ++pieces[0] < 5;
        });
    }

    private static boolean pathSeparator(char c) {
        return c < 0x80 && PATH_SEPARATOR[c];
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) return i;
        }
        return -1;
    }
}
