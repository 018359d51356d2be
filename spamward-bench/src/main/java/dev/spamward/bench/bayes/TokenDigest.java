package dev.spamward.bench.bayes;

import dev.spamward.bayes.tokenize.Tokenizer;
import dev.spamward.bayes.tokenize.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Development tool: for every file under a directory (sorted), prints its relative path, the SHA-256 of
 * its tokens in order ({@code Tokens.all()}, NUL-separated), of its distinct tokens and its message key.
 * Diffing two runs shows whether a tokenizer change altered any token. Usage: TokenDigest DIR
 */
public final class TokenDigest {
    private TokenDigest() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Tokenizer tk = new Tokenizer();
        HexFormat hex = HexFormat.of();
        StringBuilder out = new StringBuilder();
        for (Path f : files) {
            Tokens t = tk.tokenize(Files.readAllBytes(f));
            out.append(dir.relativize(f)).append(' ').append(hex.formatHex(sha256(t.all()))).append(' ')
                    .append(hex.formatHex(sha256(t.distinct()))).append(' ').append(hex.formatHex(t.key()))
                    .append(' ').append(t.all().size()).append('\n');
        }
        System.out.print(out);
    }

    private static byte[] sha256(List<String> tokens) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (String t : tokens) {
            md.update(t.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        return md.digest();
    }
}
