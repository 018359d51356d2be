package dev.spamward.bayes.cli;

import dev.spamward.core.io.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

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
                List<Path> found = new ArrayList<>();
                try {
                    Files.walkFileTree(path, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                            boolean file = attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(f);
                            if (file && isMessageFile(f)) found.add(f);
                            return FileVisitResult.CONTINUE;
                        }
                    });
                } catch (FileSystemException e) { // an unreadable folder inside: named, before anything is read
                    throw new IOException(IoErrors.describe(e.getFile() == null ? p : e.getFile(), e), e);
                }
                found.sort(null);
                out.addAll(found);
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

    /**
     * Reads a file (null: standard input) holding one message: at most {@code max + 1} bytes are kept, one more
     * than the tokenizer's limit so that it reports the truncation; the rest is not read. Memory stays bounded
     * whatever the file's size.
     */
    static byte[] read(Path file, long max) throws IOException {
        int keep = (int) Math.min(Integer.MAX_VALUE - 8, max + 1);
        if (file == null) return System.in.readNBytes(keep);
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(keep);
        }
    }

    /** The messages in one file's bytes: several for an mbox, else the file itself. */
    static List<byte[]> split(byte[] data) {
        List<byte[]> out = new ArrayList<>();
        try {
            forEachMessage(new java.io.ByteArrayInputStream(data), Integer.MAX_VALUE - 9, out::add);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // not thrown by a byte array
        }
        return out;
    }

    /** {@link #forEachMessage(InputStream, long, Consumer)} over a file (null: standard input). */
    static void forEachMessage(Path file, long max, Consumer<byte[]> sink) throws IOException {
        if (file == null) {
            forEachMessage(System.in, max, sink);
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            forEachMessage(in, max, sink);
        }
    }

    /**
     * Hands {@code sink} every message of a stream as it is read: an mbox (the stream starts with a {@code From }
     * line) splits at each {@code From } line that follows an empty line, and when it holds several messages each
     * loses one {@code >} of its {@code >From } lines (mboxrd); anything else is one message. Each message keeps at
     * most {@code max + 1} bytes (the tokenizer reports the truncation), so an mbox of any size is read in bounded
     * memory. An empty stream is one empty message.
     */
    static void forEachMessage(InputStream in, long max, Consumer<byte[]> sink) throws IOException {
        LinePieces lines = new LinePieces(in);
        int keep = (int) Math.min(Integer.MAX_VALUE - 8, max + 1);
        Capped raw = new Capped(keep); // the first message as read, in case it is the only one
        Capped unquoted = new Capped(keep);
        boolean first = true;
        boolean mbox = false;
        boolean several = false;
        boolean atLineStart = true;
        boolean previousBlank = false;
        while (lines.next()) {
            byte[] b = lines.buf;
            int n = lines.len;
            if (atLineStart) {
                if (first) {
                    mbox = startsWith(b, n, 0, "From ");
                } else if (mbox && previousBlank && startsWith(b, n, 0, "From ")) {
                    sink.accept(unquoted.bytes());
                    several = true;
                    raw = null;
                    unquoted = new Capped(keep);
                }
                int gt = 0;
                while (gt < n && b[gt] == '>') gt++;
                boolean quotedFrom = mbox && gt > 0 && startsWith(b, n, gt, "From ");
                unquoted.append(b, quotedFrom ? 1 : 0, quotedFrom ? n - 1 : n);
                previousBlank = lines.endsLine && (n == 1 || (n == 2 && b[0] == '\r'));
            } else {
                unquoted.append(b, 0, n);
                previousBlank = false;
            }
            if (raw != null) raw.append(b, 0, n);
            atLineStart = lines.endsLine;
            first = false;
        }
        if (first) sink.accept(new byte[0]);
        else sink.accept(several ? unquoted.bytes() : raw.bytes());
    }

    /** Reads a stream as lines, each handed over in pieces of at most 64 KiB (a piece ends a line or fills up). */
    private static final class LinePieces {
        private final InputStream in;
        private final byte[] chunk = new byte[1 << 16];
        private int at;
        private int end;
        final byte[] buf = new byte[1 << 16];
        int len;
        boolean endsLine;

        LinePieces(InputStream in) {
            this.in = in;
        }

        /** Loads the next piece into {@link #buf}; false at the end of the stream. */
        boolean next() throws IOException {
            len = 0;
            endsLine = false;
            while (len < buf.length) {
                if (at == end) {
                    end = in.read(chunk);
                    at = 0;
                    if (end <= 0) {
                        end = 0;
                        return len > 0;
                    }
                }
                int limit = Math.min(end, at + buf.length - len);
                int i = at;
                while (i < limit && chunk[i] != '\n') i++;
                boolean newline = i < limit;
                int stop = newline ? i + 1 : limit;
                System.arraycopy(chunk, at, buf, len, stop - at);
                len += stop - at;
                at = stop;
                if (newline) {
                    endsLine = true;
                    return true;
                }
            }
            return true;
        }
    }

    /** A byte buffer that keeps its first {@code limit} bytes and drops the rest. */
    private static final class Capped {
        private final int limit;
        private byte[] data = new byte[256];
        private int size;

        Capped(int limit) {
            this.limit = limit;
        }

        void append(byte[] b, int off, int n) {
            int take = Math.min(n, limit - size);
            if (take <= 0) return;
            if (size + take > data.length) data = Arrays.copyOf(data, (int) Math.min(limit, Math.max(size + take, 2L * data.length)));
            System.arraycopy(b, off, data, size, take);
            size += take;
        }

        byte[] bytes() {
            return Arrays.copyOf(data, size);
        }
    }

    private static boolean startsWith(byte[] d, int len, int at, String s) {
        if (at + s.length() > len) return false;
        for (int i = 0; i < s.length(); i++) {
            if (d[at + i] != s.charAt(i)) return false;
        }
        return true;
    }
}
