package dev.spamward.razor.sig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test beyond the fixed vectors: a few hundred generated messages full of the constructs the
 * agents treat specially (MIME edge cases, base64/QP, HTML, entities, URL forms, NUL and 8-bit bytes) are
 * signed by the real Perl Razor2 library (Debian package {@code razor}) and by Spamward; every line must match.
 */
class PerlLibraryDifferentialTest {
    private static final String PERL = """
            use Razor2::Client::Agent;
            my $home = shift @ARGV;
            my $rc = Razor2::Client::Agent->new('razor-check');
            $rc->{opt} = { foreground => 1, razorhome => $home };
            $rc->do_conf; $rc->get_server_info;
            for my $f (@ARGV) {
                local $/; open my $h, '<', $f or die; binmode $h; my $m = <$h>; close $h;
                my $o = $rc->prepare_objects([\\$m]);
                my $s = $rc->compute_sigs($o);
                print "$f\\t$_\\n" for @$s;
            }
            """;

    @TempDir
    Path dir;

    @Test
    void generatedMessagesSignLikeThePerlLibrary() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        for (String l : List.of("catalogue", "nomination", "discovery")) {
            Files.writeString(home.resolve("servers." + l + ".lst"), "127.0.0.1\n");
        }
        Random rnd = new Random(Long.getLong("razor.diff.seed", 20261121L));
        List<Path> files = new ArrayList<>();
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("razor.diff.count", 400); i++) {
            byte[] m = message(rnd).getBytes(StandardCharsets.ISO_8859_1);
            Path f = dir.resolve(String.format("m%03d.eml", i));
            Files.write(f, m);
            files.add(f);
            messages.add(m);
        }
        Path script = dir.resolve("sigs.pl");
        Files.writeString(script, PERL);
        List<String> cmd = new ArrayList<>(List.of("perl", script.toString(), home.toString()));
        files.forEach(f -> cmd.add(f.toString()));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            fail("perl is needed (Debian packages perl and razor): " + e.getMessage());
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        if (!out.contains("\t1.")) fail("the Perl Razor2 library printed no signatures: is the Debian package razor installed?");
        Signer signer = new Signer();
        StringBuilder ours = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            for (String line : signer.sign(messages.get(i), "7542-10").printable(1)) {
                ours.append(files.get(i)).append('\t').append(line).append('\n');
            }
        }
        assertThat(ours.toString().lines().toList()).isEqualTo(out.lines().toList());
        assertThat(out.lines().count()).isGreaterThan(400);
        assertThat(out).contains(" e8: ");
        System.out.println("PerlLibraryDifferentialTest: " + out.lines().count() + " signature lines, "
                + out.lines().filter(l -> l.contains(" e8: ")).count() + " of engine 8");
    }

    private static final String[] WORDS = {"viagra", "hello", "money", "0", "", " ", "free", "click", "here",
        "\u00e9t\u00e9", "na\u00efve", "\u00ff\u00fe", "x=y", "a@b", "--", "-", "<", ">", "&", "\"", "'", "\t"};
    private static final String[] URLS = {"http://www.example.com/a", "https://Shop.Example.co.uk:8080/x?y=1",
        "http://user:pw@198.51.100.7/p", "HTTP://UPPER.EXAMPLE.NET/", "http://%77%77%77.pct.example.org/",
        "http://&#119;ww.ent.example.com/", "http:/one-slash.example.info/", "http://a.b.c.d.example.com.au/",
        "www.autolink.example.biz", "http://example.jp", "http://x.edu.au/", "http://10.0.0.1:80/",
        "http://host.=example=.com/", "http://bad..com/", "http://.com/", "http://localhost/", "https://t.co/x",
        "http://foo.bar.example.de./", "http://g5j@it.rd.yahoo.com/*http://www.lekobas.com/c/",
        "http://href=www.a.comhref=www.b.net/"};

    private static String pick(Random r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    private static String text(Random r, int lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int words = r.nextInt(14);
            for (int w = 0; w < words; w++) {
                switch (r.nextInt(12)) {
                    case 0 -> b.append(pick(r, URLS));
                    case 1 -> b.append("<a href=\"").append(pick(r, URLS)).append("\">link</a>");
                    case 2 -> b.append(pick(r, new String[] {"<b>", "</p>", "<!-- c -- x -->", "<!DOCTYPE html>",
                        "&amp;", "&nbsp;", "&notice", "&#65;", "&lt;tag&gt;", "<font size=3>", "<br/>", "<HTML>"}));
                    case 3 -> b.append((char) r.nextInt(256));
                    default -> b.append(pick(r, WORDS));
                }
                b.append(r.nextInt(5) == 0 ? "" : " ");
            }
            b.append(r.nextInt(10) == 0 ? "\r\n" : "\n");
            if (r.nextInt(8) == 0) b.append("\n");
        }
        if (r.nextBoolean()) b.append("\n\n");
        return b.toString();
    }

    private static String body(Random r, StringBuilder headers) {
        String t = text(r, 1 + r.nextInt(r.nextInt(6) == 0 ? (r.nextInt(5) == 0 ? 3000 : 200) : 25));
        switch (r.nextInt(6)) {
            case 0 -> {
                headers.append("Content-Transfer-Encoding: base64\n");
                String b64 = Base64.getMimeEncoder().encodeToString(t.getBytes(StandardCharsets.ISO_8859_1));
                return (r.nextInt(4) == 0 ? b64 + "\n=junk after\n" : b64 + "\n");
            }
            case 1 -> {
                headers.append("Content-Transfer-Encoding: quoted-printable\n");
                StringBuilder q = new StringBuilder();
                for (char c : t.toCharArray()) {
                    if (c > 126 || c == '=' || r.nextInt(30) == 0) q.append(String.format("=%02X", (int) c));
                    else q.append(c);
                    if (r.nextInt(60) == 0) q.append("=\n");
                }
                return q.toString();
            }
            case 2 -> {
                headers.append("Content-Type: text/html; charset=iso-8859-1\n");
                return "<html><body>" + t + "</body></html>";
            }
            default -> {
                return t;
            }
        }
    }

    private static String message(Random r) {
        StringBuilder m = new StringBuilder("From: a@example.org\nSubject: test\n");
        if (r.nextInt(12) == 0) m.append("X-Long: ").append("h".repeat(5000 + r.nextInt(12000))).append('\n');
        if (r.nextInt(3) == 0) {
            m.append("MIME-Version: 1.0\n");
            m.append(multipart(r, 0));
        } else {
            StringBuilder h = new StringBuilder();
            String body = r.nextInt(40) == 0 ? "0" : body(r, h);
            m.append(h);
            if (r.nextInt(20) != 0) m.append("\n");
            m.append(body);
        }
        return m.toString();
    }

    private static final String[] BOUNDARIES = {"b", "=_Part_1.2", "a+b", "\"quoted with spaces\"", "\"q\"",
        "----=_NextPart_000_0001", "x"};

    /** Headers (Content-Type with boundary), blank line, body: a multipart entity, possibly nested. */
    private static String multipart(Random r, int depth) {
        String b = pick(r, BOUNDARIES) + (r.nextBoolean() ? "" : Integer.toString(r.nextInt(100)));
        String bare = b.startsWith("\"") ? b.substring(1, b.length() - 1) : b;
        StringBuilder m = new StringBuilder();
        m.append(r.nextInt(6) == 0 ? "content-type: Multipart/Mixed;" : "Content-Type: multipart/"
                + (r.nextBoolean() ? "mixed" : "alternative") + ";");
        m.append(r.nextBoolean() ? "\n  boundary=" : " boundary=").append(b).append("\n\n");
        if (r.nextInt(5) != 0) m.append("preamble\n");
        int parts = 1 + r.nextInt(4);
        for (int i = 0; i < parts; i++) {
            m.append("--").append(bare).append(r.nextInt(6) == 0 ? "\r\n" : "\n");
            if (depth < 2 && r.nextInt(6) == 0) {
                m.append(multipart(r, depth + 1)).append('\n');
                continue;
            }
            StringBuilder h = new StringBuilder();
            String body = body(r, h);
            if (r.nextInt(8) == 0) h.insert(0, "Content-Transfer-Encoding: 7bit\n"); // Content-Type not first
            if (r.nextInt(10) == 0) h.append("X-Razor2-Note: ").append("n".repeat(r.nextInt(6000))).append('\n');
            if (r.nextInt(5) != 0) m.append("Content-Type: text/plain;\n\tcharset=us-ascii\n");
            m.append(h).append(r.nextInt(15) == 0 ? "" : "\n").append(body).append("\n");
        }
        if (r.nextInt(4) != 0) m.append("--").append(bare).append("--\nepilogue\n");
        return m.toString();
    }
}
