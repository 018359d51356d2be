package dev.spamward.bayes.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Expands command-line paths into messages: a file holds one message, or several when it is an mbox
 * (starts with a {@code From } line and has more {@code From } lines after blank lines; {@code >From}
 * quoting is undone); a directory (a Maildir or any tree) gives every regular file below it, skipping
 * dot files, Maildir {@code tmp/} and mail-server index files; {@code -} is standard input.
 */
final class MessageSource {

    /** One message to process: where it came from and its bytes (read on demand). */
    record Item(String name, Path file, int mboxIndex) {
    }

    private MessageSource() {
    }

    /**
     * Lists the files behind {@code paths}, checking every path first so that a typo fails before anything is learned.
     *
     * @throws IOException naming the first path that does not exist or cannot be read
     */
    static List<Path> files(List<String> paths) throws IOException {
        for (String p : paths) {
            if (p.equals("-")) continue;
            Path path = Path.of(p);
            if (!Files.exists(path)) throw new IOException(p + ": no such file or directory");
            if (!Files.isReadable(path)) throw new IOException(p + ": permission denied");
        }
        List<Path> out = new ArrayList<>();
        for (String p : paths) {
            if (p.equals("-")) {
                out.add(null);
                continue;
            }
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                try (Stream<Path> s = Files.walk(path)) {
                    s.filter(Files::isRegularFile).filter(MessageSource::isMessageFile).sorted().forEach(out::add);
                }
            } else {
                out.add(path);
            }
        }
        return out;
    }

    private static boolean isMessageFile(Path f) {
        String n = f.getFileName().toString();
        if (n.startsWith(".") || n.startsWith("dovecot") || n.equals("maildirfolder") || n.startsWith("courier")
                || n.equals("subscriptions")) return false;
        Path parent = f.getParent();
        return parent == null || !parent.getFileName().toString().equals("tmp");
    }

    /** Reads a file (null: standard input), whole. */
    static byte[] read(Path file) throws IOException {
        if (file == null) {
            try (InputStream in = System.in) {
                return in.readAllBytes();
            }
        }
        return Files.readAllBytes(file);
    }

    /** The messages in one file's bytes: several for an mbox, else the file itself. */
    static List<byte[]> split(byte[] data) {
        if (!startsWith(data, 0, "From ")) return List.of(data);
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 1; i + 5 <= data.length; i++) {
            if (data[i - 1] == '\n' && startsWith(data, i, "From ") && blankLineBefore(data, i - 1)) starts.add(i);
        }
        if (starts.size() == 1) return List.of(data);
        List<byte[]> out = new ArrayList<>(starts.size());
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k);
            int to = k + 1 < starts.size() ? starts.get(k + 1) : data.length;
            out.add(unquoteFrom(data, from, to));
        }
        return out;
    }

    private static boolean blankLineBefore(byte[] d, int nl) {
        int j = nl - 1;
        if (j >= 0 && d[j] == '\r') j--;
        return j < 0 || d[j] == '\n';
    }

    /** mboxrd: a body line {@code >From } (any number of '>') loses one '>'. */
    private static byte[] unquoteFrom(byte[] d, int from, int to) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(to - from);
        int lineStart = from;
        for (int i = from; i < to; i++) {
            if (i == lineStart && d[i] == '>') {
                int j = i;
                while (j < to && d[j] == '>') j++;
                if (startsWith(d, j, "From ")) {
                    i++; // drop one '>'
                }
                out.write(d, i, 1);
                if (d[i] == '\n') lineStart = i + 1;
                continue;
            }
            out.write(d[i]);
            if (d[i] == '\n') lineStart = i + 1;
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] d, int at, String s) {
        if (at + s.length() > d.length) return false;
        for (int i = 0; i < s.length(); i++) {
            if (d[at + i] != s.charAt(i)) return false;
        }
        return true;
    }
}
