package dev.spamward.pyzor.cli;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.UserException;
import dev.spamward.pyzor.account.PyzorAccount;
import dev.spamward.pyzor.account.PyzorFiles;
import dev.spamward.pyzor.account.PyzorKeys;
import dev.spamward.pyzor.account.PyzorServer;
import dev.spamward.pyzor.client.PyzorClient;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code genkey} and {@code register}: account keys made the way {@code pyzor genkey} makes them. */
final class PyzorKeyCommands {
    private PyzorKeyCommands() {
    }

    /** Shared passphrase input: a file, or the console twice, or the first line of standard input. */
    abstract static class KeyCommand extends PyzorOptions {
        @Option(names = "--passphrase-file", paramLabel = "FILE",
                description = "Read the passphrase from the first line of FILE (default: prompt twice, or standard input).")
        Path passphraseFile;

        String passphrase() {
            try {
                if (passphraseFile != null) {
                    List<String> lines = Files.readAllLines(passphraseFile, StandardCharsets.UTF_8);
                    return nonEmpty(lines.isEmpty() ? "" : lines.getFirst());
                }
                Console console = System.console();
                if (console != null) {
                    char[] a = console.readPassword("Enter passphrase: ");
                    char[] b = console.readPassword("Enter passphrase again: ");
                    if (a == null || b == null || !Arrays.equals(a, b)) throw new UserException("pyzor: passphrases do not match", 1);
                    return nonEmpty(new String(a));
                }
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return nonEmpty(line == null ? "" : line);
            } catch (IOException e) {
                throw new UserException("pyzor: cannot read the passphrase: " + e.getMessage(), EX_NOINPUT);
            }
        }

        private static String nonEmpty(String s) {
            if (s.isEmpty()) throw new UserException("pyzor: empty passphrase", EX_DATAERR);
            return s;
        }
    }

    @Command(name = "genkey", mixinStandardHelpOptions = true,
            description = {"Make a salt,key pair from a passphrase as 'pyzor genkey' does and print it as KEY=value lines.",
                "Give the user name and PYZOR_KEY (never the salt) to the server operator."})
    static final class Genkey extends KeyCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            PyzorKeys.SaltKey sk = PyzorKeys.generate(passphrase());
            out().println("PYZOR_SALT=" + sk.salt());
            out().println("PYZOR_KEY=" + sk.key());
            out().println("PYZOR_SALT_KEY=" + sk.salt() + "," + sk.key());
            return 0;
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = {"Make a key (as genkey) for USER and add it to the accounts file for the server(s),"
                    + " then print KEY=value lines.",
                "The server operator must add 'USER : KEY' to pyzord.passwd (and allow the ops in pyzord.access)."})
    static class Register extends KeyCommand implements Callable<Integer> {
        @Option(names = {"-u", "--user"}, required = true, paramLabel = "USER", description = "The account name.")
        String user;

        @Option(names = "--server", paramLabel = "HOST:PORT",
                description = "The server the account is for (repeatable; default: every configured server).")
        List<String> serverNames;

        @Override
        public Integer call() {
            if (user.isBlank() || user.contains(":") || user.contains(",") || user.chars().anyMatch(Character::isWhitespace)) {
                throw new UserException("pyzor: bad user name '" + user + "'", 2);
            }
            List<PyzorServer> servers;
            try {
                servers = serverNames == null || serverNames.isEmpty() ? client().servers()
                        : serverNames.stream().map(PyzorServer::parse).toList();
            } catch (IllegalArgumentException e) {
                throw new UserException("pyzor: " + e.getMessage(), 2);
            }
            PyzorKeys.SaltKey sk = PyzorKeys.generate(passphrase());
            Path accounts = PyzorClient.accountsFile(CommandContext.config(spec), overrides());
            StringBuilder lines = new StringBuilder();
            for (PyzorServer s : servers) {
                lines.append(PyzorFiles.accountLine(s, new PyzorAccount(user, sk.salt(), sk.key()))).append('\n');
            }
            append(accounts, lines.toString());
            out().println("PYZOR_USER=" + user);
            out().println("PYZOR_KEY=" + sk.key());
            out().println("PYZOR_SALT=" + sk.salt());
            out().println("PYZOR_ACCOUNTS_FILE=" + accounts.toAbsolutePath());
            err().println("spamward pyzor: added " + servers.size() + " account line(s); the server operator needs: "
                    + user + " : " + sk.key());
            return 0;
        }

        private static void append(Path file, String text) {
            try {
                Path dir = file.toAbsolutePath().getParent();
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
                if (!Files.exists(file)) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else if (Files.size(file) > 0 && !endsWithNewline(file)) {
                    text = "\n" + text;
                }
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            } catch (IOException | UnsupportedOperationException e) {
                throw new UserException("pyzor: cannot write " + file + ": " + e.getMessage(), 73);
            }
        }

        private static boolean endsWithNewline(Path file) throws IOException {
            byte[] all = Files.readAllBytes(file);
            return all.length == 0 || all[all.length - 1] == '\n';
        }
    }
}
