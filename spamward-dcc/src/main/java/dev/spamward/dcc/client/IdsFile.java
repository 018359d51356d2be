package dev.spamward.dcc.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DCC's {@code ids} file: lines {@code id[,options] passwd1 [passwd2]}, {@code #} comments and blank lines.
 * The first password is the current one; a second is accepted by servers during a change.
 */
public final class IdsFile {

    /** One line of the file. */
    public record Entry(long id, String password) {
    }

    private IdsFile() {
    }

    /** Parses the text; malformed lines are reported with their number. */
    public static List<Entry> parse(String text, String origin) {
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.strip();
            if (line.isEmpty()) continue;
            String[] f = line.split("\\s+");
            String idField = f[0];
            int comma = idField.indexOf(',');
            if (comma >= 0) idField = idField.substring(0, comma);
            long id;
            try {
                id = Long.parseLong(idField);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(origin + ":" + (i + 1) + ": bad client id '" + f[0] + "'");
            }
            if (id < 1 || id > 0xffffffffL) throw new IllegalArgumentException(origin + ":" + (i + 1) + ": id out of range");
            if (f.length < 2) throw new IllegalArgumentException(origin + ":" + (i + 1) + ": id " + id + " without password");
            out.add(new Entry(id, f[1]));
        }
        return out;
    }

    /** Reads a file; empty when it does not exist. */
    public static List<Entry> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return List.of();
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** The entry for {@code id}, or with {@code id == null} the first entry with an id of at least {@code minId}. */
    public static Optional<Entry> find(List<Entry> entries, Integer id, long minId) {
        for (Entry e : entries) {
            if (id != null ? e.id() == id : e.id() >= minId) return Optional.of(e);
        }
        return Optional.empty();
    }

    /**
     * Stores {@code id passwd} in {@code file} (mode 0600), replacing a line of the same id and keeping the
     * other lines and comments; written to a temporary file and moved into place.
     */
    public static void store(Path file, long id, String password) throws IOException {
        List<String> lines = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.strip();
                String first = t.isEmpty() || t.startsWith("#") ? "" : t.split("[\\s,]+")[0];
                if (!first.equals(Long.toString(id))) lines.add(line);
            }
        } else {
            lines.add("# DCC client ids: id[,options] password  (written by spamward dcc register)");
        }
        lines.add(id + "\t" + password);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".ids", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
