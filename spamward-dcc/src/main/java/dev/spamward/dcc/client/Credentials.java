package dev.spamward.dcc.client;

import dev.spamward.core.config.Config;
import dev.spamward.core.io.UserDirs;
import dev.spamward.dcc.proto.ClientIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the DCC client id and password come from, in this order: {@code dcc.client_id} with
 * {@code dcc.client_passwd} (also {@code DCC_CLIENT_ID}, {@code DCC_CLIENT_PASSWD}, {@code DCC_CLIENT_PASSWD_FILE});
 * an id without password looked up in the ids files; else the first entry of {@code dcc.ids_file}
 * ({@code DCC_IDS}) or of {@link #defaultIdsFile()} (where {@code spamward dcc register} writes), or the first
 * client entry (id 32768 or more) of {@code /var/dcc/ids}; else anonymous.
 */
public final class Credentials {
    /** The system-wide DCC ids file. */
    public static final Path SYSTEM_IDS = Path.of("/var/dcc/ids");

    private Credentials() {
    }

    /** {@code $XDG_CONFIG_HOME/spamward/dcc-ids}, default {@code ~/.config/spamward/dcc-ids}. */
    public static Path defaultIdsFile() {
        return UserDirs.CURRENT.configHome().resolve("spamward").resolve("dcc-ids");
    }

    /** The file {@code spamward dcc register} writes: {@code dcc.ids_file} or the default. */
    public static Path registerFile(Config config) {
        Path p = config.get(DccSettings.IDS_FILE);
        return p != null ? p : defaultIdsFile();
    }

    /** The identity the configuration selects. */
    public static ClientIdentity resolve(Config config) {
        Integer id = config.get(DccSettings.CLIENT_ID);
        String passwd = config.get(DccSettings.CLIENT_PASSWD);
        if (id != null && id == 1) return ClientIdentity.anonymous();
        if (id != null && passwd != null && !passwd.isEmpty()) return ClientIdentity.of(id, passwd);
        List<Path> files = new ArrayList<>();
        Path configured = config.get(DccSettings.IDS_FILE);
        if (configured != null) files.add(configured);
        files.add(defaultIdsFile());
        files.add(SYSTEM_IDS);
        for (Path f : files) {
            if (f.equals(SYSTEM_IDS) && !java.nio.file.Files.isReadable(f)) continue; // dccd's own, often root-only
            try {
                // dccd's own file also lists server ids (100..32767): take a client entry from it
                long minId = f.equals(SYSTEM_IDS) ? 32768 : 2;
                Optional<IdsFile.Entry> e = IdsFile.find(IdsFile.read(f), id, minId);
                if (e.isPresent()) return ClientIdentity.of(e.get().id(), e.get().password());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read DCC ids file " + f, e);
            }
        }
        if (id != null) throw new IllegalArgumentException("dcc.client_id " + id + " has no password"
                + " (set dcc.client_passwd or DCC_CLIENT_PASSWD, or add it to an ids file)");
        return ClientIdentity.anonymous();
    }
}
