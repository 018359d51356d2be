package dev.spamward.dcc.checksum;

import java.security.MessageDigest;

/**
 * The FUZ2 checksum ({@code ckfuz2.c}, DCC 2.3): bytes folded through the charset table into words of 3 to
 * 16 letters; HTML tags and comments skipped; every word found in a language's dictionary is added to that
 * language's MD5; the language with the most words wins. Too few words (or words covering under 10% of a
 * large body) make it invalid; with fewer than 8 words the URL host names may stand in.
 */
final class Fuz2Sum {
    static final int FEW_WORDS = 100;
    static final int MIN_WORDS = 8;
    private static final int MIN_WLEN = 3;
    private static final int WORD_LEN = 16;

    private static final int ST_WORD = 0, ST_START_TAG = 1, ST_SKIP_TAG = 2, ST_SKIP_COMMENT = 3;

    private final DccTables tables = DccTables.get();
    private final MimeContext mime;
    private final CharRef cref = new CharRef();
    private final byte[] w = new byte[WORD_LEN];
    private final byte[] tag = new byte[WORD_LEN];
    private int wlen;
    private int tagLen;
    private int st = ST_WORD;
    private long btotal;
    private long xsummed;
    private final MessageDigest[] md5 = new MessageDigest[DccTables.LANGS];
    private final long[] wsummed = new long[DccTables.LANGS];
    private final int[] wtotal = new int[DccTables.LANGS];

    Fuz2Sum(MimeContext mime) {
        this.mime = mime;
        for (int i = 0; i < md5.length; i++) md5[i] = Md5.create();
    }

    /** Words found in the English dictionary so far (the URL code looks at it). */
    int englishWords() {
        return wtotal[0];
    }

    private void addWord() {
        for (int lang = 0; lang < DccTables.LANGS; lang++) {
            if (lang == DccTables.POLISH && mime.cset != tables.latin2) continue;
            if (tables.isWord(lang, w, wlen)) {
                ++wtotal[lang];
                md5[lang].update(w, 0, wlen);
                wsummed[lang] += wlen;
            }
        }
    }

    private void skipWord() {
        wlen = WORD_LEN + 1;
    }

    private void junk() {
        skipWord();
        st = ST_WORD;
    }

    void update(byte[] b, int off, int len) {
        int bp = off;
        int lim = off + len;
        byte[] cset;
        while (bp < lim) {
            switch (st) {
                case ST_WORD -> {
                    do {
                        int c = b[bp++] & 0xff;
                        if (cref.st != CharRef.IDLE || (c == '&' && mime.ct == MimeContext.CT_HTML)) {
                            int i = cref.step(c);
                            if (i < 0) continue;
                            bp -= i;
                            c = cref.result;
                        }
                        cset = mime.cset;
                        c = cset[c] & 0xff;
                        if (c >= DccTables.FC_A) {
                            ++btotal;
                            if (wlen < WORD_LEN) w[wlen++] = (byte) c;
                            else skipWord();
                            continue;
                        }
                        if (c == DccTables.FC_SP) {
                            if (wlen >= MIN_WLEN && wlen <= WORD_LEN) addWord();
                            wlen = 0;
                            java.util.Arrays.fill(w, (byte) 0);
                            continue;
                        }
                        ++btotal;
                        if (c == DccTables.FC_LT) {
                            tagLen = 0;
                            java.util.Arrays.fill(tag, (byte) 0);
                            st = ST_START_TAG;
                            break;
                        }
                        junk();
                    } while (bp < lim);
                }
                case ST_START_TAG -> {
                    int c = b[bp] & 0xff;
                    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
                    if ((((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) && tagLen < WORD_LEN)
                            || ((c == '/' || c == '!') && tagLen == 0)
                            || (c == '-' && tagLen >= 1 && tagLen <= 2)) {
                        tag[tagLen++] = (byte) c;
                        ++btotal;
                        ++bp;
                        break;
                    }
                    // an <html> tag in text/plain switches to text/html
                    if (tagLen == 4 && mime.ct != MimeContext.CT_HTML
                            && tag[0] == 'h' && tag[1] == 't' && tag[2] == 'm' && tag[3] == 'l') {
                        mime.ct = MimeContext.CT_HTML;
                    }
                    if (mime.ct == MimeContext.CT_HTML && tagLen > 0) {
                        xsummed += tagLen + 1;
                        if (c == '>') {
                            ++xsummed;
                            ++btotal;
                            ++bp;
                            st = ST_WORD;
                            break;
                        }
                        st = tagLen >= 3 && tag[0] == '!' && tag[1] == '-' && tag[2] == '-'
                                ? ST_SKIP_COMMENT : ST_SKIP_TAG;
                    } else {
                        junk();
                    }
                }
                case ST_SKIP_TAG -> {
                    do {
                        ++btotal;
                        int c = b[bp++] & 0xff;
                        if (cref.st != CharRef.IDLE || c == '&') {
                            int i = cref.step(c);
                            if (i < 0) continue;
                            bp -= i;
                            c = cref.result;
                        }
                        if (skipped(c)) break;
                    } while (bp < lim);
                }
                default -> { // ST_SKIP_COMMENT
                    do {
                        int c = b[bp++] & 0xff;
                        if (skipped(c)) break;
                    } while (bp < lim);
                }
            }
        }
    }

    /** One byte inside a tag or comment: true when it ends the tag (or the tag ran too long). */
    private boolean skipped(int c) {
        if (c == '>') {
            ++xsummed;
            ++btotal;
            st = ST_WORD;
            return true;
        }
        if (mime.cset[c] != DccTables.FC_SP) {
            ++xsummed;
            ++btotal;
            if (++tagLen > Fuz1Sum.FAILSAFE) {
                junk();
                return true;
            }
        }
        return false;
    }

    /** The final checksum, or {@code null} when it is not valid. */
    byte[] finish(Fuz1Sum urls) {
        int lp = 0;
        for (int i = 1; i < DccTables.LANGS; i++) if (wtotal[lp] < wtotal[i]) lp = i;
        if (wtotal[lp] < FEW_WORDS && (wsummed[lp] + xsummed) * 10 < btotal) return null;
        if (wtotal[lp] < MIN_WORDS) {
            if (wtotal[lp] + urls.doms() * (MIN_WORDS / 2) >= MIN_WORDS) {
                urls.updateWithHosts(md5[lp]);
            } else {
                return null;
            }
        }
        return md5[lp].digest();
    }
}
