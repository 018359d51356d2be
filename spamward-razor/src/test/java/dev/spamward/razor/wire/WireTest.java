package dev.spamward.razor.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireTest {

    @Test
    void razorHmacVector() {
        // verified with razor-report 2.85 against the fake server
        assertThat(RazorHmac.response("challenge123", "secretpass")).isEqualTo("Mgf4tIPCd1GAe3umtAsU-Sv3_8YA");
        String longKey = "k".repeat(80);
        assertThat(RazorHmac.response("c", longKey)).hasSize(28);
    }

    @Test
    void sisLinesAreSortedAndEscaped() {
        assertThat(Sis.make(Map.of("user", "bob", "a", "reg", "registrar", "Razor-Agents v2.84", "pass", "bobpass")))
                .isEqualTo("a=reg&pass=bobpass&registrar=Razor-Agents%20v2.84&user=bob\r\n");
        assertThat(Sis.escape("a!*'()~b+/")).isEqualTo("a%21%2A%27%28%29~b%2B%2F");
        assertThat(Sis.parse("a=b%20c&d=e+f&g&h=i=j\r\n"))
                .containsExactly(Map.entry("a", "b c"), Map.entry("d", "e+f"), Map.entry("g", ""), Map.entry("h", "i"));
    }

    @Test
    void batchesFollowBqlAndNovarMode() {
        List<Map<String, String>> q = List.of(Map.of("a", "c", "e", "4", "ep4", "7542-10", "s", "S4"),
                Map.of("a", "c", "e", "8", "s", "A"), Map.of("a", "c", "e", "8", "s", "B"),
                Map.of("a", "c", "e", "8", "s", "C"), Map.of("a", "c", "e", "8", "s", "D"));
        List<String> b = Batches.encode(q, 4, 128);
        assertThat(b).containsExactly(
                "-a=c&e=4&ep4=7542-10&s=S4\r\na=c&e=8&s=A\r\na=c&e=8&s=B\r\na=c&e=8&s=C\r\n.\r\n",
                "a=c&e=8&s=D\r\n");
        assertThat(Batches.queryCount(b.get(0))).isEqualTo(4);
        assertThat(Batches.queryCount(b.get(1))).isEqualTo(1);
        assertThat(Batches.encode(q.subList(0, 1), 4, 128)).containsExactly("a=c&e=4&ep4=7542-10&s=S4\r\n");
        assertThat(Batches.encode(List.of(Map.of("a", "r", "message", "H\n\r\nX")), 4, 128))
                .containsExactly("-a=r&message=*\r\nH\n\r\nX\r\n.\r\n");
    }

    @Test
    void repliesSingleAndBatched() {
        assertThat(Replies.parse("p=0\r\n")).containsExactly(Map.of("p", "0"));
        assertThat(Replies.parse("-p=1&cf=90\r\np=0\r\n.\r\n")).containsExactly(Map.of("p", "1", "cf", "90"), Map.of("p", "0"));
        assertThat(Replies.parse("-se=88\r\n.\r\n")).containsExactly(Map.of("se", "88"));
        assertThat(Replies.parse("")).hasSize(1);
    }
}
