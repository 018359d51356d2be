package dev.spamward.greylist;

import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigLoader;
import dev.spamward.core.config.ConfigSchema;
import dev.spamward.core.config.CoreSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a validated configuration for tests: every front door on 127.0.0.1 and a free port. */
public final class TestConfig {
    private TestConfig() {
    }

    private static boolean isDefault(String flag) {
        return List.of("greylist.policy.listen=", "greylist.milter.listen=", "greylist.sjsms.listen=", "greylist.filter_bits=",
                "greylist.query_log=", "greylist.statefile=").stream().anyMatch(flag::startsWith);
    }

    /** A state file in a new temporary folder: tests never share state or touch the user's default file. */
    public static String freshStateFile() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("spamward-greylist-test");
            dir.toFile().deleteOnExit();
            return dir.resolve("greylist.state").toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Defaults with free ports and small filters, plus {@code key=value} overrides. */
    public static Config of(String... settings) {
        List<String> flags = new ArrayList<>(List.of(
                "greylist.policy.listen=127.0.0.1:0", "greylist.milter.listen=127.0.0.1:0",
                "greylist.sjsms.listen=127.0.0.1:0", "greylist.filter_bits=20", "greylist.query_log=false",
                "greylist.statefile=" + freshStateFile()));
        for (String s : settings) {
            String key = s.substring(0, s.indexOf('=') + 1);
            flags.removeIf(f -> f.startsWith(key) && !key.isEmpty() && isDefault(f));
            flags.add(s);
        }
        return new ConfigLoader(ConfigSchema.of(new CoreSettings(), new GreylistSettings())).load(null, Map.of(), flags);
    }
}
