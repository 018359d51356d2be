package dev.spamward.bayes.tokenize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written fast paths give exactly what the simple code they replace gives, on random text. */
class FastPathTest {
    private static final Pattern RECEIVED_TAIL = Pattern.compile("(?i)(?:\\s(?:id|for)\\s|;).*$");
    private static final String ALPHABET = " \t\u000B\f\n\r\u0085\u2028;iIdDfFoOrRx.-'!$@é\u00a0ß\u0130\u03a3\uff21\u00ad\u4e2d\ud83d\ude00?";

    private static String random(Random r, int maxLength) {
        return random(r, ALPHABET, maxLength);
    }

    /** Up to {@code maxLength} characters drawn from {@code alphabet}. */
    private static String random(Random r, String alphabet, int maxLength) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(maxLength + 1);
        for (int i = 0; i < n; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return b.toString();
    }

    @Test
    void receivedHeadIsTheRegexReplacement() {
        Random r = new Random(1);
        for (int i = 0; i < 100_000; i++) {
            String s = random(r, 14);
            assertThat(HeaderRules.receivedHead(s)).as("%s", s).isEqualTo(RECEIVED_TAIL.matcher(s).replaceFirst(""));
        }
        assertThat(HeaderRules.receivedHead("from a.example (a.example [192.0.2.1]) by b.example with ESMTP id 123; Tue, 1 Oct"))
                .isEqualTo("from a.example (a.example [192.0.2.1]) by b.example with ESMTP");
    }

    @Test
    void asciiLowerCaseIsTheRootLocaleLowerCase() {
        Random r = new Random(2);
        for (int i = 0; i < 100_000; i++) {
            String s = random(r, 10);
            assertThat(AsciiText.toLowerCase(s)).as("%s", s).isEqualTo(s.toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void bytesOnlyForAsciiText() {
        assertThat(AsciiText.bytesIfAscii("a?b")).containsExactly('a', '?', 'b');
        assertThat(AsciiText.bytesIfAscii("a\u4e2db")).isNull();
        assertThat(AsciiText.bytesIfAscii("a\ud83d\ude00")).isNull();
        assertThat(AsciiText.bytesIfAscii("\ud83d")).isNull();
        assertThat(AsciiText.bytesIfAscii("é")).isNull();
    }

    @Test
    void asciiSplitGivesTheWordsOfTheGeneralSplit() {
        WordSplitter splitter = new WordSplitter(2, 12);
        Random r = new Random(3);
        String ascii = " \t-'._@&!%$#aZ9,;:";
        for (int i = 0; i < 100_000; i++) {
            String s = random(r, ascii, 29);
            List<String> general = new ArrayList<>();
            List<String> fast = new ArrayList<>();
            splitter.split(s, general::add);
            splitter.splitAscii(AsciiText.bytesIfAscii(s), false, fast::add);
            assertThat(fast).as("%s", s).isEqualTo(general);
            general.clear();
            fast.clear();
            splitter.split(s.toLowerCase(Locale.ROOT), general::add);
            splitter.splitAscii(AsciiText.bytesIfAscii(s), true, fast::add);
            assertThat(fast).as("%s folded", s).isEqualTo(general);
        }
    }

    @Test
    void pathPiecesAreThoseOfTheRegexSplit() {
        Pattern split = Pattern.compile("[/?&=#;+.,_~%-]+");
        Random r = new Random(4);
        String chars = "/?&=#;+.,_~%-abcé";
        for (int i = 0; i < 100_000; i++) {
            String s = random(r, chars, 39);
            List<String> expected = new ArrayList<>();
            for (String piece : split.split(s)) {
                if (piece.length() < 3 || piece.length() > 30) continue;
                expected.add("url.path:" + piece);
                if (expected.size() == 5) break;
            }
            List<String> got = new ArrayList<>();
            UrlTokens.pathPieces(s, got::add);
            assertThat(got).as("%s", s).isEqualTo(expected);
        }
    }

    @Test
    void lettersAndCapitalsFromOneTypeLookup() {
        for (int c = 0; c <= 0xFFFF; c++) {
            int t = Character.getType(c);
            assertThat(t >= Character.UPPERCASE_LETTER && t <= Character.OTHER_LETTER).isEqualTo(Character.isLetter(c));
            assertThat(Character.isLetter(c) && t == Character.UPPERCASE_LETTER).as("U+%04X", c)
                    .isEqualTo(Character.isLetter(c) && Character.isUpperCase(c));
        }
    }

    @Test
    void timeZonesAreThoseOfTheRegexSplit() {
        Random r = new Random(6);
        for (int i = 0; i < 100_000; i++) {
            String s = random(r, " \t\n\u000B\f\r\u00a0\u2003+-05", 16);
            List<String> expected = new ArrayList<>();
            for (String w : s.split("\\s+")) {
                if (w.length() == 5 && (w.charAt(0) == '+' || w.charAt(0) == '-')) expected.add("date:tz:" + w);
            }
            List<String> got = new ArrayList<>();
            MessageShape.timeZones(s, got::add);
            assertThat(got).as("%s", s).isEqualTo(expected);
        }
    }

    @Test
    void distinctIsTheLinkedHashSetOrder() {
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            List<String> all = new ArrayList<>();
            int n = r.nextInt(60);
            for (int k = 0; k < n; k++) all.add(random(r, "AaBb", 4)); // "Aa" and "BB" share a hash code
            assertThat(new Tokens(all, List.of()).distinct()).isEqualTo(new ArrayList<>(new java.util.LinkedHashSet<>(all)));
        }
    }
}
