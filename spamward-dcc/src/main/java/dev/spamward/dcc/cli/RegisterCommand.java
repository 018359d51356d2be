package dev.spamward.dcc.cli;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.Config;
import dev.spamward.dcc.client.Credentials;
import dev.spamward.dcc.client.IdsFile;
import dev.spamward.dcc.proto.ClientIdentity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spamward dcc register}: DCC has no client-side registration (the server operator issues an id and
 * password), so this stores the issued pair in the ids file the client reads and prints them as
 * environment lines for deployments that prefer variables.
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Store a DCC client id and password issued by a server operator.",
                "Writes the ids file the client reads (dcc.ids_file, default " + "$XDG_CONFIG_HOME/spamward/dcc-ids),"
                        + " mode 0600, and prints DCC_CLIENT_ID= and DCC_CLIENT_PASSWD= lines."})
class RegisterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"--id", "--client-id"}, required = true, paramLabel = "ID", description = "Client id (32768 or more for clients).")
    long id;

    static final class Secret {
        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from this file.")
        Path file;

        @Option(names = "--password-stdin", description = "Read the password from standard input.")
        boolean stdin;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Secret secret;

    @Option(names = {"--ids-file", "--out"}, paramLabel = "FILE", description = "Write this ids file instead of dcc.ids_file.")
    Path idsFile;

    @Override
    public Integer call() {
        Config config = CommandContext.config(spec);
        String password = readPassword();
        try {
            ClientIdentity.of(id, password);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), 2);
        }
        if (password.chars().anyMatch(c -> c <= ' ' || c == '#')) {
            throw new UserException("DCC passwords cannot contain white space or '#'", 2);
        }
        Path target = idsFile != null ? idsFile : Credentials.registerFile(config);
        try {
            IdsFile.store(target, id, password);
        } catch (IOException e) {
            throw new UserException("cannot write " + target + ": " + e.getMessage(), 2);
        }
        var out = spec.commandLine().getOut();
        out.println("DCC_CLIENT_ID=" + id);
        out.println("DCC_CLIENT_PASSWD=" + password);
        out.flush();
        spec.commandLine().getErr().println("stored client id " + id + " in " + target);
        return 0;
    }

    private String readPassword() {
        try {
            String p;
            if (secret.stdin) {
                p = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } else {
                p = Files.readString(secret.file, StandardCharsets.UTF_8);
            }
            if (p == null) throw new UserException("no password given", 2);
            return p.strip();
        } catch (IOException e) {
            throw new UserException("cannot read the password: " + e.getMessage(), 2);
        }
    }
}
