package dev.spamward.razor.identity;

import dev.spamward.razor.client.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identity files in the razor-agents format and place: {@code HOME/identity-USER} with
 * {@code key = value} lines (mode 0600), and the symlink {@code HOME/identity} pointing to the active one, as
 * {@code razor-admin -register} writes them.
 */
public final class IdentityStore {
    private static final Pattern LINE = Pattern.compile("^\\s*(.+?)\\s*=\\s*(.+?)\\s*$");

    private final Path home;

    public IdentityStore(Path home) {
        this.home = home;
    }

    public Path home() {
        return home;
    }

    /** The active identity ({@code HOME/identity}), if there is a readable one with user and pass. */
    public Optional<Credentials> read() throws IOException {
        return read("identity");
    }

    /**
     * The identity in {@code HOME/name} (same {@code key = value} format), if readable; for other tools'
     * file names such as gozer's {@code gazor-identity}.
     */
    public Optional<Credentials> read(String name) throws IOException {
        Path f = home.resolve(name);
        if (!Files.isReadable(f)) return Optional.empty();
        Map<String, String> kv = parse(Files.readString(f, StandardCharsets.ISO_8859_1));
        String user = kv.get("user");
        String pass = kv.get("pass");
        if (user == null || pass == null || user.isBlank() || pass.isBlank()) {
            throw new IOException(f + " has no user and pass lines");
        }
        return Optional.of(new Credentials(user, pass));
    }

    /** {@code read_file}: {@code key = value} lines; {@code #} comment lines and lines without {@code =} skipped. */
    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            if (line.stripLeading().startsWith("#") || line.indexOf('=') < 0) continue;
            Matcher m = LINE.matcher(line);
            if (m.matches()) out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /**
     * Writes {@code HOME/identity-USER} (mode 0600, an existing file is kept as {@code .bak}) and points
     * {@code HOME/identity} at it unless that link already exists (like {@code save_ident}).
     *
     * @return the identity file written
     */
    public Path save(Credentials c, boolean replaceActive) throws IOException {
        if (!c.user().matches("\\S+")) throw new IOException("user name must not contain white space");
        Files.createDirectories(home);
        Path file = home.resolve("identity-" + c.user());
        String text = String.format("%-22s = %s%n%-22s = %s%n", "pass", c.pass(), "user", c.user());
        Path tmp = Files.createTempFile(home, ".identity-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, text, StandardCharsets.ISO_8859_1);
            if (Files.exists(file) && Files.size(file) > 0) {
                Files.move(file, home.resolve(file.getFileName() + ".bak"), StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        Path link = home.resolve("identity");
        boolean exists = Files.exists(link, LinkOption.NOFOLLOW_LINKS);
        if (!exists || replaceActive) {
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, file.getFileName());
        }
        return file;
    }
}
