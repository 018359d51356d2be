package dev.spamward.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Version and commit recorded at build time, plus the running Java version. */
public final class BuildInfo implements IVersionProvider {

    static Properties properties() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/spamward-build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // Missing build information is reported as "unknown" below.
        }
        return p;
    }

    @Override
    public String[] getVersion() {
        Properties p = properties();
        String commit = p.getProperty("commit", "unknown");
        if (commit.isBlank() || commit.startsWith("${")) commit = "unknown";
        return new String[] {
            "spamward " + p.getProperty("version", "unknown"),
            "java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ", "
                    + System.getProperty("java.home", "?") + ")",
            "commit " + commit,
        };
    }
}
