package dev.spamward.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlsTest {

    private static List<String> find(String text) {
        List<String> out = new ArrayList<>();
        Urls.find(text, out, 100);
        return out;
    }

    @Test
    void findsSchemesAndBareWwwWithoutTrailingPunctuation() {
        assertThat(find("Go to http://a.example/x?y=1, or HTTPS://B.example. Also www.c.example/p) and ftp://f.example"))
                .containsExactly("http://a.example/x?y=1", "HTTPS://B.example", "www.c.example/p", "ftp://f.example");
    }

    @Test
    void ignoresOtherSchemesAndWordsEndingInWww() {
        assertThat(find("file://x mailto:a@b.example awww.example.com www. nothing")).isEmpty();
    }

    @Test
    void lastUrlOfTheTextIsKeptAndTheCapHolds() {
        assertThat(find("line\nhttp://last.example/end")).containsExactly("http://last.example/end");
        List<String> capped = new ArrayList<>();
        Urls.find("http://a.example http://b.example http://c.example", capped, 2);
        assertThat(capped).hasSize(2);
    }

    @Test
    void urlInsideAngleBracketsAndQuotes() {
        assertThat(find("<http://x.example/a> \"www.y.example\"")).containsExactly("http://x.example/a", "www.y.example");
    }
}
