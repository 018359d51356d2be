package dev.spamward.dcc.checksum;

import java.security.MessageDigest;

/**
 * The FUZ1 checksum ({@code ckfuz1.c}, DCC 2.3): lower-cased ASCII letters only, greeting lines of at most
 * 78 letters dropped, URLs reduced to their host name without third-level labels (IDN hosts Punycode
 * encoded), at most 4,096 bytes summed, valid with at least 30.
 *
 * <p>This is a line-for-line port of the C state machines, including their quirks (a character that ends an
 * HTML character reference is examined twice, the line buffer is summed at the end of every input chunk),
 * because the checksum must equal {@code dccproc}'s byte for byte.
 */
final class Fuz1Sum {
    private static final int MAX_LINE = 78;
    private static final int HTTPS_LEN = 5;
    private static final int BUF_SIZE = MAX_LINE * 4 + HTTPS_LEN;
    private static final int MAX_LEN = 4 * 1024;

    static final int HOST_MAX = 256;
    private static final int LABEL_MAX = 63;
    private static final int HOST_MAX_SAVE = 1 + HOST_MAX;
    static final int FAILSAFE = 2000;
    private static final int DOMS_SIZE = HOST_MAX_SAVE * 2;

    private static final int ST_IDLE = 0, ST_QUOTE = 1, ST_QH = 2, ST_T1 = 3, ST_T2 = 4, ST_P = 5, ST_S = 6,
            ST_COLON = 7, ST_SLASH1 = 8, ST_SLASH2 = 9, ST_SLASH3_START = 10, ST_SLASH3 = 11, ST_SKIPPING = 12;
    private static final int F_TOO_LONG = 0x01, F_SQUOTED = 0x02, F_DQUOTED = 0x04, F_QUOTED = 0x06,
            F_IDN = 0x08, F_DOT = 0x10, F_USERNAME = 0x20;
    private static final int RES_FWD = 0, RES_CK_SPACE = 1, RES_SKIP = 2;

    private final MessageDigest md5 = Md5.create();
    private final byte[] buf = new byte[BUF_SIZE];
    private int cp;
    private int eol = -1;
    private int total;
    private Fuz2Sum fuz2;
    private final boolean dcc23;

    // URL state (CK_URL); buffer positions are -1 for C's NULL
    private final CharRef cref = new CharRef();
    private int st = ST_IDLE;
    private int start = -1, tld = -1, sld = -1;
    private int urlTotal, domStart, domEnd, dot2, dot1, labelStart, punct;
    /** Host names seen ({@code u_char} in C, so it wraps). */
    private int doms;
    private int flags;
    private final byte[] domsBuf = new byte[DOMS_SIZE];

    Fuz1Sum(Fuz1Rules rules) {
        this.dcc23 = rules == Fuz1Rules.DCC_2_3;
    }

    void link(Fuz2Sum fuz2) {
        this.fuz2 = fuz2;
    }

    /** Number of URL host names seen, as C's {@code u_char}. */
    int doms() {
        return doms;
    }

    /** The NUL-separated host names kept for the Fuz2 fallback: {@code domsBuf[0 .. domStart-1)}. */
    void updateWithHosts(MessageDigest md) {
        int n = domStart - 1;
        if (n > 0) md.update(domsBuf, 0, n);
    }

    private void addSum(int len) {
        if (len == 0) return;
        int i = MAX_LEN - (total + len);
        if (i < 0) len += i;
        if (len <= 0) return;
        md5.update(buf, 0, len);
        total += len;
    }

    private void clearFrom(int from) {
        java.util.Arrays.fill(buf, from, BUF_SIZE, (byte) 0);
    }

    void update(byte[] b, int off, int len) {
        int bp = off;
        int lim = off + len;
        for (;;) {
            if (bp >= lim) {
                // sum the buffer if it ends with a line
                if (cp != 0 && eol == cp) {
                    addSum(cp);
                    cp = 0;
                    eol = -1;
                    clearFrom(0);
                }
                return;
            }
            int c = b[bp++] & 0xff;
            if (c >= 'A' && c <= 'Z') c += 'a' - 'A';

            if (c == 'h' || c == '=' || st != ST_IDLE) {
                int res = url(c);
                bp -= rewind; // a character reference ended one byte early: examine that byte again
                if (res == RES_CK_SPACE) {
                    while (cp >= BUF_SIZE - HOST_MAX) {
                        if (eol < 0) {
                            addSum(cp);
                            cp = 0;
                            eol = -1;
                        } else {
                            int l = eol;
                            addSum(l);
                            System.arraycopy(buf, eol, buf, 0, cp - eol);
                            cp -= l;
                            eol = -1;
                        }
                        clearFrom(cp);
                    }
                } else if (res == RES_SKIP) {
                    continue;
                }
            }

            if (c >= 'a' && c <= 'z') {
                buf[cp] = (byte) c;
                if (++cp < BUF_SIZE) continue;
                flushLines();
                continue;
            }

            if (c == '\n') {
                int l;
                if (eol >= 0 && (l = cp - eol) > 0 && l <= MAX_LINE && dearSucker(eol, l)) {
                    cp = eol;
                    st = ST_IDLE;
                    continue;
                }
                if (cp >= BUF_SIZE - (MAX_LINE + HTTPS_LEN)) {
                    flushLines();
                    continue;
                }
                eol = cp;
            }
        }
    }

    /** Sum the whole buffer and forget any URL in progress. */
    private void flushLines() {
        addSum(cp);
        cp = 0;
        eol = -1;
        clearFrom(0);
        st = ST_IDLE;
    }

    private boolean dearSucker(int p, int llen) {
        return dearWord(p, llen, "dear") || dearWord(p, llen, "hello") || dearWord(p, llen, "greeting")
                || dearWord(p, llen, "date");
    }

    private boolean dearWord(int p, int llen, String w) {
        // C: llen >= sizeof(w), i.e. longer than the word
        if (llen < w.length() + 1) return false;
        for (int i = 0; i < w.length(); i++) if (buf[p + i] != w.charAt(i)) return false;
        return true;
    }

    /** The final checksum, or {@code null} when fewer than 30 bytes were summed. */
    byte[] finish() {
        return total < 30 ? null : md5.digest();
    }

    // ---- URLs (ck_url) ----

    private void resetDoms(int urlStart) {
        start = urlStart;
        tld = -1;
        sld = -1;
        domEnd = domStart;
        labelStart = domEnd;
        punct = 0;
        dot1 = 0;
        dot2 = 0;
        urlTotal = 0;
        flags &= ~(F_IDN | F_DOT);
    }

    private void hostSave(int uc) {
        if (domEnd - domStart >= HOST_MAX) {
            resetDoms(-1);
            flags |= F_TOO_LONG;
            st = ST_IDLE;
        }
        if ((flags & F_TOO_LONG) != 0) return;
        domsBuf[domEnd++] = (byte) uc;
    }

    private void hostEnd() {
        if (punct != 0) domEnd = punct;
        if (domEnd <= domStart || (flags & F_TOO_LONG) != 0) return;
        if ((flags & F_IDN) != 0) punyencode();
        domsBuf[domEnd++] = 0;

        // delete 3rd level labels for the fuzzy checksums
        if (dot2 != 0) {
            int len = cp - sld;
            if (dcc23 && eol < 0 && start >= 0) {
                // dccproc 2.3.169 drops the whole host name of a URL when no line end is buffered
                // (gdcc-url1.eml); 1.3.158 and the 2.3.167 source keep the last two labels
                cp = start;
            } else if (sld >= 0 && start >= 0 && len >= 0 && start + len <= BUF_SIZE) {
                System.arraycopy(buf, sld, buf, start, len);
                if (eol >= cp) eol = start + len;
                cp = start + len;
            }
            if (fuz2.englishWords() < Fuz2Sum.MIN_WORDS) {
                int l = domEnd - dot2;
                System.arraycopy(domsBuf, dot2, domsBuf, domStart, l);
                domEnd = domStart + l;
            }
        }
        domStart = domEnd;
        doms = (doms + 1) & 0xff;
    }

    /** Set by {@link #url}: how many input bytes to examine again (0 or 1). */
    private int rewind;

    private int url(int uc) {
        rewind = 0;
        if (uc == '&' || cref.st != CharRef.IDLE) {
            int i = cref.step(uc);
            if (i < 0) return RES_FWD;
            rewind = i;
            uc = cref.result;
        }
        switch (st) {
            case ST_IDLE -> {
                if (uc == 'h') {
                    st = ST_T1;
                    flags = 0;
                } else if (uc == '=') {
                    st = ST_QUOTE;
                    flags = 0;
                }
            }
            case ST_QUOTE -> {
                if (uc == 'h') {
                    st = ST_T1;
                } else if (uc == '"') {
                    flags |= F_DQUOTED;
                    st = ST_QH;
                } else if (uc == '\'') {
                    flags = F_SQUOTED;
                    st |= ST_QH; // C: url->st |= URL_ST_QH (QUOTE|QH == 3 == T1)
                } else {
                    st = ST_IDLE;
                }
            }
            case ST_QH -> st = uc == 'h' ? ST_T1 : ST_IDLE;
            case ST_T1 -> st = uc == 't' ? ST_T2 : ST_IDLE;
            case ST_T2 -> st = uc == 't' ? ST_P : ST_IDLE;
            case ST_P -> st = uc == 'p' ? ST_S : ST_IDLE;
            case ST_S -> st = uc == 's' ? ST_COLON : uc == ':' ? ST_SLASH1 : ST_IDLE;
            case ST_COLON -> st = uc == ':' ? ST_SLASH1 : ST_IDLE;
            case ST_SLASH1 -> st = uc == '/' ? ST_SLASH2 : ST_IDLE;
            case ST_SLASH2 -> {
                if (uc == '/') {
                    if (fuz2.englishWords() >= Fuz2Sum.MIN_WORDS) {
                        domStart = 0;
                    } else {
                        while (domStart > DOMS_SIZE - HOST_MAX_SAVE) {
                            int p = -1;
                            for (int i = 0; i < domStart; i++) {
                                if (domsBuf[i] == 0) {
                                    p = i;
                                    break;
                                }
                            }
                            if (p < 0) {
                                domStart = 0; // cannot happen: the buffer holds at least two names
                                break;
                            }
                            p++;
                            domStart -= p;
                            System.arraycopy(domsBuf, p, domsBuf, 0, domStart);
                        }
                    }
                    st = ST_SLASH3_START;
                    return RES_CK_SPACE;
                }
                st = ST_IDLE;
            }
            case ST_SLASH3_START, ST_SLASH3 -> {
                if (st == ST_SLASH3_START) {
                    resetDoms(cp);
                    st = ST_SLASH3;
                }
                slash3(uc);
            }
            case ST_SKIPPING -> {
                ++urlTotal;
                if ((uc == '"' && (flags & F_SQUOTED) == 0)
                        || (uc == '\'' && (flags & F_DQUOTED) == 0)
                        || (uc == '>' && (flags & F_QUOTED) == 0)
                        || uc == ' ' || uc == '\t' || uc == '\n' || uc == '\r'
                        || (uc == 0xa0 && (flags & F_IDN) == 0)
                        || urlTotal > FAILSAFE) {
                    st = ST_IDLE;
                }
                return RES_SKIP;
            }
            default -> st = ST_IDLE;
        }
        return RES_FWD;
    }

    /** Looking for the end of the host name. */
    private void slash3(int uc) {
        if (++urlTotal > FAILSAFE) {
            st = ST_IDLE;
            return;
        }
        if (!((uc >= 'a' && uc <= 'z') || (uc >= '0' && uc <= '9') || uc == '-' || uc == '_')) {
            if (uc == '.' && punct == 0) {
                if ((flags & F_DOT) != 0) {
                    // consecutive '.' are invalid in host names, but can end URLs
                    punct = domEnd;
                    return;
                }
                flags |= F_DOT; // delay the '.' until we know it does not end the name
                return;
            }
            if (uc == '/' || uc == '\\') {
                hostEnd();
                st = ST_SKIPPING;
                return;
            }
            if (uc == '"') {
                hostEnd();
                st = (flags & F_SQUOTED) != 0 ? ST_SKIPPING : ST_IDLE;
                return;
            }
            if (uc == '\'') {
                hostEnd();
                st = (flags & F_DQUOTED) != 0 ? ST_SKIPPING : ST_IDLE;
                return;
            }
            if (uc == '<' || uc == '>' || uc <= ' ' || (uc == 0xa0 && (flags & F_IDN) == 0)) {
                hostEnd();
                st = (flags & F_QUOTED) != 0 ? ST_SKIPPING : ST_IDLE;
                return;
            }
            if (uc == '@' && (flags & F_USERNAME) == 0) {
                // ignore user name and password
                flags |= F_USERNAME;
                cp = start < 0 ? 0 : start;
                st = ST_SLASH3_START;
                return;
            }
            if (uc == ':' || ((uc == ';' || uc == '?' || uc == '&' || uc == '=' || uc == '$' || uc == '+'
                    || uc == '!' || uc == '*' || uc == '(' || uc == ')' || uc == ',')
                    && (flags & F_USERNAME) == 0)) {
                if (punct == 0) punct = domEnd;
            } else if ((uc & 0xc0) == 0xc0 && punct == 0) {
                flags |= F_IDN; // possible UTF-8 for Punycode
            } else {
                hostEnd();
                st = (flags & F_QUOTED) != 0 ? ST_SKIPPING : ST_IDLE;
                return;
            }
        }
        if (punct == 0) {
            if ((flags & F_DOT) != 0) {
                flags &= ~F_DOT;
                if ((flags & F_IDN) != 0) punyencode();
                hostSave('.');
                dot2 = dot1;
                dot1 = domEnd;
                labelStart = domEnd;
                sld = tld;
                tld = cp;
            }
            hostSave(uc);
        }
    }

    // ---- Punycode for one label (RFC 3492) ----

    private static final int PUNY_BASE = 36, PUNY_TMIN = 1, PUNY_TMAX = 26, PUNY_SKEW = 38, PUNY_DAMP = 700;
    private static final String PUNY36 = "abcdefghijklmnopqrstuvwxyz0123456789";

    private static int punyAdapt(long delta, int numpoints, boolean first) {
        delta = first ? delta / PUNY_DAMP : delta / 2;
        delta += delta / numpoints;
        int k = 0;
        while (delta > ((PUNY_BASE - PUNY_TMIN) * PUNY_TMAX) / 2) {
            delta /= PUNY_BASE - PUNY_TMIN;
            k += PUNY_BASE;
        }
        return (int) (k + ((PUNY_BASE - PUNY_TMIN + 1) * delta) / (delta + PUNY_SKEW));
    }

    private void punyencode() {
        flags &= ~F_IDN;
        int[] unicode = new int[LABEL_MAX];
        int ulen = 0;
        int i = labelStart;
        if (i >= domEnd) return;
        do {
            int uc = domsBuf[i++] & 0xff;
            if ((uc & 0x80) != 0) {
                int uc2, uc3, uc4;
                if ((uc & 0xe0) == 0xc0) {
                    uc &= 0x1f;
                    if (uc == 0 || i >= domEnd) return;
                    uc2 = (domsBuf[i++] & 0xff) ^ 0x80;
                    if (uc2 > 0x3f) return;
                    uc = (uc << 6) | uc2;
                } else if ((uc & 0xf0) == 0xe0) {
                    uc &= 0x0f;
                    if (uc == 0 || i + 1 >= domEnd) return;
                    uc2 = (domsBuf[i++] & 0xff) ^ 0x80;
                    uc3 = (domsBuf[i++] & 0xff) ^ 0x80;
                    if (uc2 > 0x3f || uc3 > 0x3f) return;
                    uc = (((uc << 6) | uc2) << 6) | uc3;
                } else if ((uc & 0xf8) == 0xf0) {
                    uc &= 0x07;
                    if (uc == 0 || i + 2 >= domEnd) return;
                    uc2 = (domsBuf[i++] & 0xff) ^ 0x80;
                    uc3 = (domsBuf[i++] & 0xff) ^ 0x80;
                    uc4 = (domsBuf[i++] & 0xff) ^ 0x80;
                    if (uc2 > 0x3f || uc3 > 0x3f || uc4 > 0x3f) return;
                    uc = (((((uc << 6) | uc2) << 6) | uc3) << 6) | uc4;
                } else {
                    return;
                }
                if (uc > 0x10ffff) return;
            }
            if (ulen >= LABEL_MAX) return;
            unicode[ulen++] = uc;
        } while (i < domEnd);

        byte[] puny = new byte[LABEL_MAX];
        int plen = 0;
        for (char ch : "xn--".toCharArray()) puny[plen++] = (byte) ch;
        long n = 0x80, delta = 0;
        int bias = 72, b = 0;
        for (int idx = 0; idx < ulen; idx++) {
            if (unicode[idx] >= 0x80) continue;
            if (plen >= LABEL_MAX) return;
            puny[plen++] = (byte) unicode[idx];
            ++b;
        }
        if (b != 0) {
            if (plen >= LABEL_MAX) return;
            puny[plen++] = '-';
        }
        int h = b;
        while (h < ulen) {
            long m = 0x10ffff + 1;
            for (int idx = 0; idx < ulen; idx++) if (unicode[idx] < m && unicode[idx] >= n) m = unicode[idx];
            delta += (m - n) * (h + 1);
            n = m;
            for (int idx = 0; idx < ulen; idx++) {
                if (unicode[idx] < n) {
                    ++delta;
                } else if (unicode[idx] == n) {
                    long q = delta;
                    for (int k = PUNY_BASE; ; k += PUNY_BASE) {
                        int t = k <= bias ? PUNY_TMIN : k >= bias + PUNY_TMAX ? PUNY_TMAX : k - bias;
                        if (q < t) break;
                        if (plen >= LABEL_MAX) return;
                        puny[plen++] = (byte) PUNY36.charAt((int) (t + (q - t) % (PUNY_BASE - t)));
                        q = (q - t) / (PUNY_BASE - t);
                    }
                    if (plen >= LABEL_MAX) return;
                    puny[plen++] = (byte) PUNY36.charAt((int) q);
                    bias = punyAdapt(delta, h + 1, h == b);
                    delta = 0;
                    ++h;
                }
            }
            ++delta;
            ++n;
        }
        if (labelStart + plen <= HOST_MAX) {
            domEnd = labelStart + plen;
            System.arraycopy(puny, 0, domsBuf, labelStart, plen);
        }
    }
}
