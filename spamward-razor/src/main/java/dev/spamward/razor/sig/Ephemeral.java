package dev.spamward.razor.sig;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Engine 4 ("Ephemeral", {@code Razor2::Signature::Ephemeral}): SHA-1 of two sections of the cleaned body
 * chosen with Perl's {@code rand} after {@code srand(seed)}, where seed and line separator come from the
 * server's {@code ep4} parameter. Ported statement by statement, including Perl's {@code substr} edges.
 */
public final class Ephemeral {
    /** The {@code ep4} a client uses before any server said otherwise. */
    public static final String DEFAULT_EP4 = "7542-10";

    private final long seed;
    private final String separator;
    /** Perl splits on the separator as a regex; only a separator with metacharacters needs one here. */
    private final Pattern separatorRegex;

    private Ephemeral(long seed, String separator, Pattern separatorRegex) {
        this.seed = seed;
        this.separator = separator;
        this.separatorRegex = separatorRegex;
    }

    /**
     * The engine for an {@code ep4} value {@code "seed-separator"}, or {@code null} when the agents would refuse
     * it ({@code vr4_signature}: a false seed or separator).
     */
    public static Ephemeral forEp4(String ep4) {
        int dash = ep4.indexOf('-');
        if (dash < 0) return null;
        String seedText = ep4.substring(0, dash);
        String sepText = ep4.substring(dash + 1);
        if (!PerlText.isTrue(seedText) || !PerlText.isTrue(sepText)) return null;
        long seed = perlNumber(seedText);
        if (seed == 0) seed = 42; // Ephemeral->new: seed || 42
        String sep = encodeSeparator(sepText);
        if (!PerlText.isTrue(sep)) sep = "\n"; // || encode_separator("10")
        Pattern regex = null;
        if (sep.chars().anyMatch(c -> "\\.[]{}()*+?^$|".indexOf(c) >= 0)) {
            try {
                regex = Pattern.compile(sep, Pattern.UNIX_LINES);
            } catch (PatternSyntaxException e) {
                return null; // Perl dies on such a pattern: no engine-4 signature
            }
        }
        return new Ephemeral(seed, sep, regex);
    }

    /** The 28-character signature of the VR4-cleaned body {@code content}. */
    public String signature(String content) {
        return RazorBase64.fromHex(Hex.of(digest(content)));
    }

    byte[] digest(String content) {
        Drand48 rand = new Drand48(seed);
        List<String> lines = separatorRegex == null ? PerlText.split(content, separator)
                : PerlText.split(content, separatorRegex);
        int n = lines.size();
        double ssize = 100.0 / 6;
        int[] lineno = new int[6];
        for (int i = 0; i < 6; i++) {
            double rel = rand.next(ssize) + i * ssize;
            lineno[i] = (int) ((rel * n) / 100);
        }
        double[] rel1 = {rand.next(50), rand.next(50) + 50};
        double[] rel2 = {rand.next(50), rand.next(50) + 50};
        long l1 = 0;
        long l2 = 0;
        for (int i = lineno[1]; i <= lineno[2]; i++) l1 += trueLength(lines, i);
        for (int i = lineno[3]; i <= lineno[4]; i++) l2 += trueLength(lines, i);
        long[] off1 = {(long) ((rel1[0] * l1) / 100), (long) ((rel1[1] * l1) / 100)};
        long[] off2 = {(long) ((rel2[0] * l2) / 100), (long) ((rel2[1] * l2) / 100)};
        String section1 = pickSection(lines, lineno[1], lineno[2], off1[0], off1[1]);
        String section2 = pickSection(lines, lineno[3], lineno[4], off2[0], off2[1]);
        int seclength = section1.length() + section2.length();
        if (allSpace(section1) && allSpace(section2)) {
            section1 = "";
            section2 = "";
        }
        MessageDigest sha1 = sha1();
        if (seclength > 128) {
            sha1.update(PerlText.toBytes(section1));
            sha1.update(PerlText.toBytes(section2));
        } else {
            sha1.update(PerlText.toBytes(content));
        }
        return sha1.digest();
    }

    private static int trueLength(List<String> lines, int i) {
        String line = i < lines.size() ? lines.get(i) : null;
        return PerlText.isTrue(line) ? line.length() : 0;
    }

    private static String line(List<String> lines, int i) {
        return i >= 0 && i < lines.size() ? lines.get(i) : null;
    }

    /** {@code picksection}: note that {@code last if $ec} does not stop on an end column of 0. */
    private static String pickSection(List<String> content, int sline, int eline, long soffset, long eoffset) {
        long x = 0;
        long sc = 0;
        long ec = 0;
        int sl = 0;
        int el = 0;
        for (int i = sline; i <= eline; i++) {
            String line = line(content, i);
            if (!PerlText.isTrue(line)) continue;
            x += line.length();
            if (x > soffset && sc == 0) {
                sc = line.length() - (x - soffset);
                sl = i;
            }
            if (x > eoffset) {
                ec = line.length() - (x - eoffset);
                el = i;
            }
            if (ec != 0) break;
        }
        if (sc < 0) sc = 0;
        if (ec < 0) ec = 0;
        StringBuilder section = new StringBuilder();
        if (sl == el) {
            String line = line(content, sl);
            if (PerlText.isTrue(line)) section.append(substr(line, sc, ec - sc + 1));
        } else {
            section.append(substr(line(content, sl), sc, Long.MAX_VALUE));
            for (int i = sl + 1; i <= el - 1; i++) {
                String line = line(content, i);
                if (line != null) section.append(line);
            }
            section.append(substr(line(content, el), 0, ec));
        }
        return section.toString();
    }

    /** Perl {@code substr($s, off, len)} for {@code off >= 0}; a negative length leaves that many off the end. */
    static String substr(String s, long off, long len) {
        if (s == null) return "";
        int n = s.length();
        if (off > n) return "";
        long end = len >= 0 ? (len >= n - off ? n : off + len) : n + len;
        if (end <= off) return "";
        return s.substring((int) off, (int) end);
    }

    private static boolean allSpace(String s) {
        return !s.isEmpty() && !PerlText.hasNonSpace(s); // /^\s+$/
    }

    /** {@code encode_separator}: "10-13" becomes "\n\r". */
    static String encodeSeparator(String text) {
        StringBuilder out = new StringBuilder();
        List<String> parts = PerlText.split(text, "-");
        if (parts.isEmpty()) parts = List.of(text);
        for (String p : parts) {
            long code = perlNumber(p);
            out.append((char) (code & 0xff)); // Razor never sends a code above 255
        }
        return out.toString();
    }

    /** Perl's numeric value of a string: leading digits, 0 when there are none. */
    static long perlNumber(String s) {
        int i = 0;
        while (i < s.length() && PerlText.isSpace(s.charAt(i))) i++;
        long v = 0;
        int digits = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && digits < 18) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
            digits++;
        }
        return v;
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java runtime", e);
        }
    }
}
