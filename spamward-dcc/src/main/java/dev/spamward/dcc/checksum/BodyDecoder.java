package dev.spamward.dcc.checksum;

/**
 * Feeds a message body to the three body checksums the way {@code dccproc} does ({@code ckbody.c} and
 * {@code ckmime.c}): a character state machine notices Content-Type / Content-Transfer-Encoding (top
 * level and per entity), MIME boundaries (up to 3 nested, at most 94 characters) are matched line by line,
 * quoted-printable and base64 are decoded by DCC's lenient decoders, and preamble, entity headers,
 * boundaries and epilogue go raw to BODY and as a bare newline to the fuzzy checksums.
 *
 * <p>A port of the C code, state for state: results depend on how the input is cut into chunks, so callers
 * must feed the body in {@code dccproc}'s 20,480-byte reads ({@link DccChecksummer} does).
 */
final class BodyDecoder {
    private static final int BND_MAX = 94;
    private static final int BND_DIM = BND_MAX + 2;
    private static final int BND_MISS = BND_DIM + 1;

    private static final int MP_PREAMBLE = 0, MP_BND = 1, MP_HDRS = 2, MP_TEXT = 3, MP_EPILOGUE = 4;
    private static final int CE_ASCII = 0, CE_QP = 1, CE_B64 = 2;

    private static final int H_IDLE = 0, H_CE_CT = 1, H_CE = 2, H_CE_WS = 3, H_CT = 4, H_CT_WS = 5, H_QP = 6,
            H_B64 = 7, H_TEXT = 8, H_HTML = 9, H_CSET_SKIP_PARAM = 10, H_CSET_SPAN_WS = 11, H_CSET = 12,
            H_CSET_ISO_8859 = 13, H_CSET_ISO_X = 14, H_MULTIPART = 15, H_BND_SKIP_PARAM = 16,
            H_BND_SPAN_WS = 17, H_BND = 18, H_BND_VALUE = 19;

    private static final int QP_IDLE = 0, QP_EQ = 1, QP_1 = 2, QP_FAIL1 = 3, QP_FAIL2 = 4, QP_FAIL3 = 5;

    private final DccTables tables = DccTables.get();
    final MimeContext mime = new MimeContext();
    final BodySum body = new BodySum();
    final Fuz1Sum fuz1;
    final Fuz2Sum fuz2 = new Fuz2Sum(mime);

    private int mpSt = MP_TEXT;
    private int hSt = H_IDLE;
    private int hPos;
    private int mimeNest;
    private int bndMatches;
    private final byte[][] bnd = new byte[3][BND_DIM];
    private final int[] bndLen = new int[3];
    private final int[] cmpLen = new int[3];
    private int ce = CE_ASCII;
    private boolean bol;
    private boolean quoted;

    private int qpState = QP_IDLE;
    private int qpX, qpY, qpN;
    private int b64Quantum;
    private int b64Count;

    private final byte[] tbuf = new byte[1024];

    BodyDecoder(Fuz1Rules rules) {
        fuz1 = new Fuz1Sum(rules);
        fuz1.link(fuz2);
        decodersInit();
    }

    private void decodersInit() {
        bndMatches = 0;
        bol = true;
        mime.ct = MimeContext.CT_TEXT;
        mime.cset = tables.latin1;
        ce = CE_ASCII;
        qpState = QP_IDLE;
        b64Count = 0;
    }

    // ---- MIME header fields (ckmime.c) ----

    /** {@code ck_mime_hdr}: notice a top-level header field (name, colon, value, line ends included). */
    void topHeader(byte[] hdr, int len) {
        hSt = H_CE_CT;
        hPos = 0;
        parseMimeHeader(hdr, 0, len, true);
        if (hSt != H_IDLE) parseMimeHeader(new byte[] {'\n'}, 0, 1, true);
        if (mimeNest != 0) mpSt = MP_PREAMBLE;
        bol = true;
    }

    private static int at(byte[] b, int i, int lim) {
        return i < lim ? b[i] & 0xff : 0;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    private int bp;
    private int bpLim;

    /** {@code match}: compare (more of) {@code tgt}; on a full match go to {@code ok}, on a mismatch to {@code fail}. */
    private boolean match(byte[] b, int ok, int fail, String tgt) {
        if (hPos >= tgt.length()) {
            // a partial "multipart" left hPos past "text" (C compares bytes beyond the literal: a mismatch)
            hSt = fail;
            return false;
        }
        int len = Math.min(tgt.length() - hPos, bpLim - bp);
        for (int i = 0; i < len; i++) {
            if (lower(b[bp + i] & 0xff) != lower(tgt.charAt(hPos + i))) {
                hSt = fail;
                return false;
            }
        }
        bp += len;
        if ((hPos += len) >= tgt.length()) {
            hSt = ok;
            hPos = 0;
            return true;
        }
        return false;
    }

    private static boolean isWs(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** {@code span_ws}: false when the buffer ran out. */
    private boolean spanWs(byte[] b) {
        while (isWs(at(b, bp, bpLim))) {
            ++bp;
            if (bp >= bpLim) return false;
        }
        return true;
    }

    /** {@code skip_param}: skip to white space or past a semicolon; false when the buffer ran out. */
    private boolean skipParam(byte[] b) {
        int c;
        while (!isWs(c = at(b, bp, bpLim))) {
            ++bp;
            if (c == ';') return true;
            if (bp >= bpLim) return false;
        }
        return true;
    }

    /** {@code parse_mime_hdr}: true for a blank line (end of an entity's headers). */
    private boolean parseMimeHeader(byte[] b, int off, int len, boolean inHdrs) {
        bp = off;
        bpLim = off + len;
        if (bol && !inHdrs) {
            int c = at(b, bp, bpLim);
            if (c == '\r') {
                if (++bp >= bpLim) return false;
                c = at(b, bp, bpLim);
            }
            if (c == '\n') return true;
            if (c != ' ' && c != '\t') {
                hSt = H_CE_CT;
                hPos = 0;
            }
            bol = false;
        }
        do {
            switch (hSt) {
                case H_IDLE -> {
                    return false;
                }
                case H_CE_CT -> {
                    if (match(b, H_CT_WS, H_IDLE, "Content-T")) {
                        int c = at(b, bp, bpLim);
                        if (c == 'r' || c == 'R') {
                            hSt = H_CE;
                        } else if (c == 'y' || c == 'Y') {
                            hSt = H_CT;
                        } else {
                            hSt = H_IDLE;
                            return false;
                        }
                    }
                }
                case H_CE -> match(b, H_CE_WS, H_IDLE, "ransfer-Encoding:");
                case H_CE_WS -> {
                    if (!spanWs(b)) return false;
                    int c = at(b, bp, bpLim);
                    if (c == 'b' || c == 'B') {
                        hSt = H_B64;
                    } else if (c == 'q' || c == 'Q') {
                        hSt = H_QP;
                    } else {
                        hSt = H_IDLE;
                        return false;
                    }
                }
                case H_QP -> {
                    if (match(b, H_IDLE, H_IDLE, "quoted-printable")) ce = CE_QP;
                }
                case H_B64 -> {
                    if (match(b, H_IDLE, H_IDLE, "base64")) ce = CE_B64;
                }
                case H_CT -> match(b, H_CT_WS, H_IDLE, "ype:");
                case H_CT_WS -> {
                    if (!spanWs(b)) return false;
                    int c = at(b, bp, bpLim);
                    if (c == 't' || c == 'T') {
                        hSt = H_TEXT;
                    } else if (c == 'm' || c == 'M') {
                        hSt = inHdrs || mimeNest < bnd.length ? H_MULTIPART : H_IDLE;
                    } else {
                        // not "Content-type: [tTmM]": binary noise
                        mime.ct = MimeContext.CT_BINARY;
                        hSt = H_IDLE;
                        return false;
                    }
                }
                case H_TEXT -> {
                    if (match(b, H_HTML, H_IDLE, "text")) mime.ct = MimeContext.CT_TEXT;
                }
                case H_HTML -> {
                    if (match(b, H_CSET_SKIP_PARAM, H_CSET_SKIP_PARAM, "/html")) mime.ct = MimeContext.CT_HTML;
                }
                case H_CSET_SKIP_PARAM -> {
                    if (skipParam(b)) hSt = H_CSET_SPAN_WS;
                }
                case H_CSET_SPAN_WS -> {
                    if (spanWs(b)) hSt = H_CSET;
                }
                case H_CSET -> match(b, H_CSET_ISO_8859, H_CSET_SKIP_PARAM, "charset=");
                case H_CSET_ISO_8859 -> {
                    if (hPos == 0 && bp < bpLim && b[bp] == '"') ++bp;
                    match(b, H_CSET_ISO_X, H_IDLE, "iso-8859-");
                }
                case H_CSET_ISO_X -> {
                    for (;;) {
                        if (bp >= bpLim) return false;
                        int c = b[bp++] & 0xff;
                        if (c < '0' || c > '9') {
                            boolean end = c == '"' || c == ' ' || c == '\t' || c == ';' || c == '\r' || c == '\n';
                            mime.cset = end && hPos == 2 ? tables.latin2 : tables.latin1;
                            hSt = H_IDLE;
                            return false;
                        }
                        hPos = (hPos * 10 + c - '0') & 0xff;
                        if (hPos > 99) {
                            hSt = H_IDLE;
                            return false;
                        }
                    }
                }
                case H_MULTIPART -> {
                    // not "multipart": assume "message" and text
                    hSt = H_TEXT;
                    match(b, H_BND_SKIP_PARAM, H_IDLE, "multipart");
                }
                case H_BND_SKIP_PARAM -> {
                    if (skipParam(b)) hSt = H_BND_SPAN_WS;
                }
                case H_BND_SPAN_WS -> {
                    if (spanWs(b)) hSt = H_BND;
                }
                case H_BND -> {
                    if (match(b, H_BND_VALUE, H_BND_SKIP_PARAM, "boundary=")) {
                        if (inHdrs) {
                            mimeNest = 0;
                            bndMatches = 1; // allow a missing initial blank line
                        }
                        quoted = false;
                        bnd[mimeNest][0] = '-';
                        bnd[mimeNest][1] = '-';
                        hPos = 2;
                    }
                }
                default -> { // H_BND_VALUE: collect the boundary
                    byte[] bv = bnd[mimeNest];
                    for (;;) {
                        if (bp >= bpLim) return false;
                        int c = b[bp++] & 0xff;
                        if (c == '\n') break;
                        if (c == '\r') continue;
                        if ((c == ' ' || c == '\t' || c == ';') && !quoted) break;
                        if (c == '"') {
                            quoted = !quoted;
                            continue;
                        }
                        bv[hPos] = (byte) c;
                        if (++hPos >= BND_MAX) {
                            hSt = H_IDLE;
                            return false;
                        }
                    }
                    bndLen[mimeNest] = hPos;
                    cmpLen[mimeNest] = 0;
                    ++mimeNest;
                    hSt = H_IDLE;
                }
            }
        } while (bp < bpLim);
        return false;
    }

    // ---- transfer decodings (ckmime.c) ----

    private int inPos;
    private int inLim;

    /** {@code ck_qp_decode} into {@link #tbuf}. */
    private int qpDecode(byte[] in) {
        int result = 0;
        while (inPos < inLim) {
            int c;
            if (qpState == QP_IDLE) {
                c = in[inPos++] & 0xff;
                if (c == '=') {
                    qpState = QP_EQ;
                    continue;
                }
            } else if (qpState == QP_EQ) {
                c = in[inPos++] & 0xff;
                qpX = c;
                if (c == '\n') {
                    qpState = QP_IDLE; // "=\n" is deleted like "=\r\n"
                    continue;
                } else if (c >= '0' && c <= '9') {
                    qpN = c - '0';
                } else if (c >= 'a' && c <= 'f') {
                    qpN = c - ('a' - 10);
                } else if (c >= 'A' && c <= 'F') {
                    qpN = c - ('A' - 10);
                } else if (c != '\r') {
                    qpState = QP_FAIL1;
                    c = '=';
                    tbuf[result] = (byte) c;
                    if (++result >= tbuf.length) break;
                    continue;
                }
                qpState = QP_1;
                continue;
            } else if (qpState == QP_1) {
                c = in[inPos++] & 0xff;
                qpY = c;
                int v = hexValue(c);
                if (qpX == '\r') {
                    if (c == '\n') {
                        qpState = QP_IDLE; // soft line break
                        continue;
                    }
                    qpState = QP_FAIL2;
                    c = '=';
                } else if (v >= 0) {
                    qpState = QP_IDLE;
                    c = (qpN << 4) | v;
                } else {
                    qpState = QP_FAIL2;
                    c = '=';
                }
            } else if (qpState == QP_FAIL1) {
                qpState = QP_IDLE;
                c = qpX;
            } else if (qpState == QP_FAIL2) {
                qpState = QP_FAIL3;
                c = qpX;
            } else {
                qpState = QP_IDLE;
                c = qpY;
            }
            tbuf[result] = (byte) c;
            if (++result >= tbuf.length) break;
        }
        return result;
    }

    private static int hexValue(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - ('a' - 10);
        if (c >= 'A' && c <= 'F') return c - ('A' - 10);
        return -1;
    }

    private static final int B64B = 0100;
    private static final int B64EQ = 0101;
    private static final byte[] B64 = new byte[256];

    static {
        java.util.Arrays.fill(B64, (byte) B64B);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 64; i++) B64[alphabet.charAt(i)] = (byte) i;
        B64['='] = (byte) B64EQ;
    }

    /** {@code ck_b64_decode} into {@link #tbuf}; an {@code =} ends the quantum and then counts as a digit. */
    private int b64Decode(byte[] in) {
        int obufLen = tbuf.length - 3;
        int result = 0;
        while (inPos < inLim) {
            int c = B64[in[inPos++] & 0xff];
            if (c == B64B) continue;
            if (c == B64EQ) {
                if (b64Count == 2) {
                    tbuf[result++] = (byte) (b64Quantum >> 4);
                } else if (b64Count == 3) {
                    tbuf[result++] = (byte) (b64Quantum >> 10);
                    tbuf[result++] = (byte) (b64Quantum >> 2);
                }
                b64Count = 0;
                if (result >= obufLen) break;
            }
            b64Quantum = (b64Quantum << 6) | c;
            if (++b64Count >= 4) {
                b64Count = 0;
                tbuf[result++] = (byte) (b64Quantum >> 16);
                tbuf[result++] = (byte) (b64Quantum >> 8);
                tbuf[result++] = (byte) b64Quantum;
                if (result >= obufLen) break;
            }
        }
        return result;
    }

    /** {@code decode_sum}: decode and checksum (raw outside entity bodies). */
    private void decodeSum(byte[] b, int off, int len) {
        if (mpSt != MP_TEXT) {
            if (len == 0) return;
            body.update(b, off, len);
            fuz1.update(NL, 0, 1);
            fuz2.update(NL, 0, 1);
            return;
        }
        inPos = off;
        inLim = off + len;
        while (inPos < inLim) {
            byte[] out;
            int outOff;
            int n;
            switch (ce) {
                case CE_QP -> {
                    n = qpDecode(b);
                    out = tbuf;
                    outOff = 0;
                }
                case CE_B64 -> {
                    n = b64Decode(b);
                    out = tbuf;
                    outOff = 0;
                }
                default -> {
                    n = inLim - inPos;
                    out = b;
                    outOff = inPos;
                    inPos = inLim;
                }
            }
            if (n != 0) {
                body.update(out, outOff, n);
                fuz1.update(out, outOff, n);
                if (mime.ct != MimeContext.CT_BINARY) fuz2.update(out, outOff, n);
            }
        }
    }

    private static final byte[] NL = {'\n'};
    private static final byte[] DASHES = {'-', '-'};

    /** {@code ck_body}: checksum one chunk of raw body text. */
    void update(byte[] buf, int off, int n) {
        int sum = off;
        int cmp = off;
        int bpLen = n;
        int end = off + n;
        while (bpLen != 0) {
            if (mimeNest == 0) {
                decodeSum(buf, sum, bpLen);
                return;
            }
            // look for the start of the next line to start matching boundaries
            if (bndMatches == 0) {
                int cp = cmp;
                while (cp < end && buf[cp] != '\n') cp++;
                if (cp < end) cp++;
                int i = cp - cmp;
                if (mpSt == MP_HDRS) {
                    if (parseMimeHeader(buf, cmp, i, false)) {
                        // a blank line ends the entity's headers
                        int j = cp - sum;
                        if (j != 0) {
                            decodeSum(buf, sum, j);
                            sum = cp;
                        }
                        mpSt = MP_TEXT;
                    }
                }
                if (cp > off && buf[cp - 1] == '\n') {
                    bol = true;
                    bndMatches = mimeNest;
                    java.util.Arrays.fill(cmpLen, 0);
                }
                cmp = cp;
                if ((bpLen -= i) == 0) break;
            }

            // look for (the rest of) one of the active boundaries
            int matchedLen = 0;
            for (int k = 0; k < mimeNest; k++) {
                if (cmpLen[k] == BND_MISS) continue;
                int j = bndLen[k] - cmpLen[k];
                int len = bpLen;
                if (j > len) j = len;
                int cp = cmp;
                if (j > 0) {
                    if (!java.util.Arrays.equals(buf, cp, cp + j, bnd[k], cmpLen[k], cmpLen[k] + j)) {
                        miss(k);
                        continue;
                    }
                    cmpLen[k] += j;
                    cp += j;
                    if ((len -= j) <= 0) {
                        matchedLen = bpLen;
                        continue;
                    }
                    j = 0; // the whole boundary matched
                }
                if (j == 0 && buf[cp] == '-') {
                    ++cmpLen[k];
                    if (--len <= 0) {
                        matchedLen = bpLen;
                        continue;
                    }
                    ++cp;
                    j = -1;
                }
                if (j == -1) {
                    if (buf[cp] == '-') {
                        ++cmpLen[k];
                        if (--len <= 0) {
                            matchedLen = bpLen;
                            continue;
                        }
                        ++cp;
                    } else {
                        miss(k);
                        continue;
                    }
                }
                byte c = buf[cp];
                if (c == ' ' || c == '\t' || c == '\r') {
                    do {
                        ++cp;
                    } while (--len > 0 && ((c = buf[cp]) == ' ' || c == '\t' || c == '\r'));
                    if (len <= 0) {
                        matchedLen = bpLen;
                        continue;
                    }
                }
                if (buf[cp] != '\n') {
                    miss(k);
                    continue;
                }

                // found a boundary: flush the decoders and checksum the boundary itself
                int j2 = cmp - sum;
                if (j2 != 0) decodeSum(buf, sum, j2);
                matchedLen = ++cp - cmp;
                cmp = sum = cp;
                mpSt = MP_BND;
                decodeSum(bnd[k], 0, bndLen[k]);
                int next = k;
                if (cmpLen[k] != bndLen[k]) {
                    decodeSum(DASHES, 0, 2); // final boundary: end this and the inner entities
                    mpSt = MP_EPILOGUE;
                } else {
                    mpSt = MP_HDRS; // intermediate boundaries end inner entities
                    ++next;
                }
                mimeNest = next;
                decodersInit();
                break;
            }
            if (matchedLen == 0 && bndMatches != 0 && noActiveBoundary()) {
                bndMatches = 0; // inconsistent count: C would spin here
            }
            bpLen -= matchedLen;
        }
        int j = cmp - sum;
        if (j != 0) decodeSum(buf, sum, j);
    }

    private void miss(int k) {
        cmpLen[k] = BND_MISS;
        --bndMatches;
    }

    private boolean noActiveBoundary() {
        for (int k = 0; k < mimeNest; k++) if (cmpLen[k] != BND_MISS) return false;
        return true;
    }

    /** {@code cks_fin}: flush the fuzzy checksummers. */
    void finish() {
        fuz1.update(NL, 0, 1);
        fuz2.update(NL, 0, 1);
    }
}
