package dev.spamward.mime;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 2047 encoded-word decoding for header values ({@code =?charset?B|Q?text?=}), using the mail
 * charset table. Lenient as mail readers are: encoded words inside other text are decoded too, blanks
 * between two adjacent encoded words are dropped, and an undecodable word is kept as written.
 */
final class EncodedWords {

    private EncodedWords() {
    }

    static String decode(String value, List<Defect> defects) {
        int start = value.indexOf("=?");
        if (start < 0) return value;
        StringBuilder out = new StringBuilder(value.length());
        int pos = 0;
        boolean lastWasWord = false;
        while (start >= 0) {
            int q1 = value.indexOf('?', start + 2);
            int q2 = q1 < 0 ? -1 : value.indexOf('?', q1 + 1);
            int end = q2 < 0 ? -1 : value.indexOf("?=", q2 + 1);
            if (q1 < 0 || q2 != q1 + 2 || end < 0) {
                break;
            }
            String between = value.substring(pos, start);
            String decoded = decodeWord(value.substring(start + 2, q1), value.charAt(q1 + 1), value.substring(q2 + 1, end));
            if (decoded == null) {
                defects.add(new Defect(DefectType.BAD_ENCODED_WORD, value.substring(start + 2, q1)));
                out.append(between).append(value, start, end + 2);
                lastWasWord = false;
            } else {
                if (!(lastWasWord && between.isBlank())) out.append(between);
                out.append(decoded);
                lastWasWord = true;
            }
            pos = end + 2;
            start = value.indexOf("=?", pos);
        }
        out.append(value, pos, value.length());
        return out.toString();
    }

    private static String decodeWord(String charsetLabel, char encoding, String text) {
        Charset cs = Charsets.lookup(charsetLabel);
        byte[] bytes;
        List<Defect> ignored = new ArrayList<>(1);
        switch (encoding) {
            case 'B', 'b' -> bytes = TransferDecoding.base64(text.getBytes(StandardCharsets.ISO_8859_1), ignored);
            case 'Q', 'q' -> bytes = qDecode(text);
            default -> {
                return null;
            }
        }
        if (cs == null) {
            // Unknown charset in a header: guess rather than show mojibake or drop the text.
            cs = Charsets.detect(bytes);
        }
        if (cs == Charsets.UTF_7) return Utf7.decode(bytes);
        return new String(bytes, cs);
    }

    private static byte[] qDecode(String text) {
        byte[] in = text.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '_') in[i] = ' ';
        }
        return TransferDecoding.quotedPrintable(in, new ArrayList<>(1));
    }
}
