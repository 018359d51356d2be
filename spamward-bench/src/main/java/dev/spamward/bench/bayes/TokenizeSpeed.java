package dev.spamward.bench.bayes;

import dev.spamward.bayes.tokenize.Tokenizer;
import dev.spamward.mime.MailParser;
import dev.spamward.mime.MimePart;
import dev.spamward.mime.ParsedMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Development tool: time parsing and tokenizing the TOE test messages (3 rounds). Usage: TokenizeSpeed BASE */
public final class TokenizeSpeed {
    private TokenizeSpeed() {
    }

    public static void main(String[] args) throws Exception {
        List<byte[]> msgs = new ArrayList<>();
        for (String d : List.of("test/ham", "test/spam")) for (Path p : Toe.list(Path.of(args[0]).resolve(d))) msgs.add(Files.readAllBytes(p));
        MailParser parser = new MailParser();
        Tokenizer tk = new Tokenizer();
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (byte[] m : msgs) parser.parse(m);
            long t1 = System.nanoTime();
            for (byte[] m : msgs) {
                ParsedMessage pm = parser.parse(m);
                for (MimePart p : pm.textParts()) p.visibleText();
            }
            long t2 = System.nanoTime();
            long n = 0;
            for (byte[] m : msgs) n += tk.tokenize(m).all().size();
            long t3 = System.nanoTime();
            System.out.printf("round %d: parse %.2f ms/msg, parse+visibleText %.2f, tokenize %.2f (%d tokens/msg)%n", round,
                    (t1 - t0) / 1e6 / msgs.size(), (t2 - t1) / 1e6 / msgs.size(), (t3 - t2) / 1e6 / msgs.size(), n / msgs.size());
        }
    }
}
