package dev.spamward.bayes.tokenize;

import dev.spamward.mime.Header;
import dev.spamward.mime.MimePart;
import dev.spamward.mime.ParsedMessage;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Tokens about how a message is written rather than what it says: the shapes of its Message-ID and Date
 * (bulk mailers and ratware format them their own way), the order of its header fields, and coarse buckets
 * of counts and ratios. These recur across many messages, so they carry evidence after little training.
 */
final class MessageShape {
    private static final int MAX_SHAPE = 40;
    private static final int MAX_ORDERED_FIELDS = 40;

    private MessageShape() {
    }

    /**
     * The shape of a string: digits become {@code 9}, lower-case letters {@code a}, capitals {@code A}, runs
     * of one class collapse to one character; other characters stay.
     */
    static String shape(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_SHAPE));
        char last = 0;
        for (int i = 0; i < s.length() && b.length() < MAX_SHAPE; i++) {
            char c = s.charAt(i);
            char k = c >= '0' && c <= '9' ? '9' : c >= 'a' && c <= 'z' ? 'a' : c >= 'A' && c <= 'Z' ? 'A'
                    : Character.isLetter(c) ? 'u' : Character.isWhitespace(c) ? ' ' : c;
            if ((k == '9' || k == 'a' || k == 'A' || k == 'u' || k == ' ') && k == last) continue;
            b.append(k);
            last = k;
        }
        return b.toString().strip();
    }

    /** {@code msgid:shape:}, {@code msgid:dom:}, {@code date:shape:}, {@code date:tz:}. */
    static void idShapes(ParsedMessage msg, Consumer<String> out) {
        String id = msg.headers().first("Message-ID");
        if (id == null) {
            out.accept("msgid:none");
        } else {
            id = id.strip();
            out.accept("msgid:shape:" + shape(id));
            int at = id.lastIndexOf('@');
            if (at >= 0) {
                String dom = id.substring(at + 1).replace(">", "").strip().toLowerCase(Locale.ROOT);
                int dot = dom.lastIndexOf('.', dom.lastIndexOf('.') - 1);
                if (!dom.isEmpty() && dom.length() <= 60) out.accept("msgid:dom:" + (dot >= 0 ? dom.substring(dot + 1) : dom));
            }
        }
        String date = msg.headers().first("Date");
        if (date == null) {
            out.accept("date:none");
            return;
        }
        date = date.strip();
        out.accept("date:shape:" + shape(date));
        timeZones(date, out);
    }

    /**
     * {@code date:tz:} for each word of five characters starting with + or -, words being what
     * {@code date.split("\\s+")} gives (found by a scan; only non-empty words can match).
     */
    static void timeZones(String date, Consumer<String> out) {
        Runs.forEach(date, MessageShape::regexSpace, (start, end) -> {
            char c = end - start == 5 ? date.charAt(start) : 0;
            if (c == '+' || c == '-') out.accept("date:tz:".concat(date.substring(start, end)));
            return true;
        });
    }

    /** The regex class {@code \s}: ASCII blanks and line breaks. */
    private static boolean regexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** {@code horder:A>B} for consecutive top-level field names (Received fields, added in transit, skipped). */
    static void headerOrder(ParsedMessage msg, Consumer<String> out) {
        String prev = "^";
        int n = 0;
        for (Header h : msg.headers().all()) {
            String name = HeaderRules.lower(h.name());
            if (name.equals("received") || name.isEmpty() || name.length() > 40) continue;
            out.accept("horder:" + prev + ">" + name);
            prev = name;
            if (++n == MAX_ORDERED_FIELDS) break;
        }
    }

    /** Running counts over the text parts, turned into bucket tokens by {@link #emit}. */
    static final class Counts {
        private long letters;
        private long capitals;
        private long bangs;
        private long chars;
        private int urls;
        private boolean html;
        private boolean plain;

        /** Counts one text part; {@code ascii} holds its bytes when it is all ASCII (the cheap case), else null. */
        void text(MimePart p, String text, byte[] ascii) {
            if (p.isHtml()) html = true;
            else plain = true;
            chars += text.length();
            if (ascii != null) {
                for (byte c : ascii) {
                    if (c == '!') bangs++;
                    else if (c >= 'a' && c <= 'z') letters++;
                    else if (c >= 'A' && c <= 'Z') {
                        letters++;
                        capitals++;
                    }
                }
            } else {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '!') {
                        bangs++;
                    } else if (c < 0x80) {
                        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                            letters++;
                            if (c <= 'Z') capitals++;
                        }
                    } else {
                        // One lookup for both: a letter is of types 1 to 5, and the only upper-case letters
                        // are UPPERCASE_LETTER (Other_Uppercase characters are not letters).
                        int t = Character.getType(c);
                        if (t >= Character.UPPERCASE_LETTER && t <= Character.OTHER_LETTER) {
                            letters++;
                            if (t == Character.UPPERCASE_LETTER) capitals++;
                        }
                    }
                }
            }
            urls += p.urls().size();
        }

        void emit(ParsedMessage msg, Consumer<String> out) {
            List<String> received = msg.headers().all("Received");
            out.accept("count:received:" + Math.min(received.size(), 12));
            out.accept("count:urls:" + log2(urls));
            out.accept("count:bangs:" + log2(bangs));
            out.accept("count:chars:" + log2(chars));
            if (letters >= 20) out.accept("count:capitals:" + (capitals * 10 / letters));
            if (html && !plain) out.accept("count:html-only");
            String subject = msg.headers().first("Subject");
            if (subject != null) {
                long sl = subject.chars().filter(Character::isLetter).count();
                long sc = subject.chars().filter(Character::isUpperCase).count();
                if (sl >= 5) out.accept("count:subject-capitals:" + (sc * 4 / sl));
                if (subject.indexOf('!') >= 0) out.accept("count:subject-bang");
                if (subject.indexOf('$') >= 0) out.accept("count:subject-dollar");
            }
        }

        private static int log2(long n) {
            return 64 - Long.numberOfLeadingZeros(n);
        }
    }

    /**
     * For a header word that looks like a host name or address, its registered-domain-like suffix:
     * {@code mail.example.net} gives {@code example.net}.
     */
    static String domainSuffix(String word) {
        int at = word.lastIndexOf('@');
        String host = at >= 0 ? word.substring(at + 1) : word;
        int last = host.lastIndexOf('.');
        if (last <= 0 || last == host.length() - 1) return null;
        int prev = host.lastIndexOf('.', last - 1);
        if (prev < 0) return null;
        for (int i = last + 1; i < host.length(); i++) {
            if (!Character.isLetter(host.charAt(i))) return null; // numeric: an address or version, not a host
        }
        return host.substring(prev + 1);
    }

    /** {@code align:} tokens: does the From domain match the Return-Path, Reply-To, Message-ID domains. */
    static void alignment(ParsedMessage msg, Consumer<String> out) {
        String from = addressDomain(msg.headers().first("From"));
        if (from == null) {
            out.accept("align:no-from-domain");
            return;
        }
        compare("return-path", from, addressDomain(msg.headers().first("Return-Path")), out);
        compare("reply-to", from, addressDomain(msg.headers().first("Reply-To")), out);
        compare("msgid", from, addressDomain(msg.headers().first("Message-ID")), out);
        compare("to", from, addressDomain(msg.headers().first("To")), out);
    }

    private static void compare(String what, String from, String other, Consumer<String> out) {
        if (other == null) {
            out.accept("align:" + what + ":none");
            return;
        }
        String a = domainSuffixOrSelf(from);
        String b = domainSuffixOrSelf(other);
        out.accept("align:" + what + ":" + (from.equals(other) ? "same" : a.equals(b) ? "related" : "other"));
    }

    private static String domainSuffixOrSelf(String host) {
        String d = domainSuffix(host);
        return d == null ? host : d;
    }

    private static String addressDomain(String field) {
        if (field == null) return null;
        int at = field.lastIndexOf('@');
        if (at < 0) return null;
        int end = at + 1;
        while (end < field.length() && (Character.isLetterOrDigit(field.charAt(end)) || field.charAt(end) == '.' || field.charAt(end) == '-')) end++;
        String d = field.substring(at + 1, end).toLowerCase(Locale.ROOT);
        while (d.endsWith(".")) d = d.substring(0, d.length() - 1);
        return d.isEmpty() ? null : d;
    }
}
