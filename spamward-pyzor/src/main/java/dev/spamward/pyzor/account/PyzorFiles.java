package dev.spamward.pyzor.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The client files of a pyzor home folder, read with pyzor 1.0's rules ({@code pyzor.config.load_servers}
 * and {@code load_accounts}). Bad lines are skipped with a warning (given to {@code warn}), as pyzor does.
 */
public final class PyzorFiles {
    private static final Pattern SERVER_LINE = Pattern.compile("[^#][a-zA-Z0-9.-]+:[0-9]+");
    /** Files larger than this are refused: they are configuration, not data. */
    static final long MAX_FILE = 1 << 20;

    private PyzorFiles() {
    }

    /** pyzor's default home: {@code $HOME/.pyzor}, or {@code /etc/pyzor} without HOME. */
    public static Path defaultHome() {
        String home = System.getenv("HOME");
        return home == null || home.isEmpty() ? Path.of("/etc", "pyzor") : Path.of(home, ".pyzor");
    }

    /**
     * The servers file: one {@code host:port} per line; missing or without a valid line means
     * {@link PyzorServer#PUBLIC}.
     */
    public static List<PyzorServer> loadServers(Path file, Consumer<String> warn) throws IOException {
        List<PyzorServer> servers = new ArrayList<>();
        List<String> lines = readLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!SERVER_LINE.matcher(line).lookingAt()) continue;
            try {
                servers.add(PyzorServer.parse(line));
            } catch (IllegalArgumentException e) {
                warn.accept(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        if (servers.isEmpty()) servers.add(PyzorServer.PUBLIC);
        return servers;
    }

    /** The accounts file: {@code host : port : user : salt,key} per line; {@code #} comments. */
    public static Map<PyzorServer, PyzorAccount> loadAccounts(Path file, Consumer<String> warn) throws IOException {
        Map<PyzorServer, PyzorAccount> accounts = new LinkedHashMap<>();
        List<String> lines = readLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = file + ":" + (i + 1) + ": ";
            String[] f = line.split(":", -1);
            if (f.length != 4) {
                warn.accept(where + "wrong number of parts (want host : port : user : salt,key)");
                continue;
            }
            int port;
            try {
                port = Integer.parseInt(f[1].strip());
                if (port < 0 || port > 65535) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                warn.accept(where + "bad port '" + f[1].strip() + "'");
                continue;
            }
            String[] sk = f[3].strip().split(",", -1);
            if (sk.length != 2) {
                warn.accept(where + "the last part must be salt,key");
                continue;
            }
            if (sk[0].isEmpty() && sk[1].isEmpty()) {
                warn.accept(where + "empty salt and key");
                continue;
            }
            String host = f[0].strip();
            if (host.isEmpty()) {
                warn.accept(where + "empty host");
                continue;
            }
            accounts.put(new PyzorServer(host, port), new PyzorAccount(f[2].strip(), sk[0], sk[1]));
        }
        return accounts;
    }

    /** The accounts-file line for an account. */
    public static String accountLine(PyzorServer server, PyzorAccount account) {
        return server.host() + " : " + server.port() + " : " + account.user() + " : " + account.salt() + "," + account.key();
    }

    private static List<String> readLines(Path file) throws IOException {
        try {
            if (Files.size(file) > MAX_FILE) throw new IOException(file + " is larger than " + MAX_FILE + " bytes");
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }
}
