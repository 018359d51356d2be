package dev.spamward.server;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.Subcommand;
import dev.spamward.core.config.Config;
import dev.spamward.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code spamward serve}: starts every enabled service with the effective configuration and runs until
 * SIGTERM/SIGINT, then stops them in reverse order. SIGHUP reads the configuration again and applies what
 * can change while running (the greylisting rules; {@link Services#reload}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Spamward services (embedded defaults; no configuration file needed).")
public final class ServeCommand implements Callable<Integer>, Subcommand {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandContext ctx = CommandContext.of(spec);
        Config config = ctx.config();
        CountDownLatch stop = new CountDownLatch(1);
        try (Services services = Services.start(config)) {
            Reload.onHangup(() -> reload(ctx, services));
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                LOG.info("stopping");
                services.close();
                stop.countDown();
            }));
            LOG.info("spamward serving: {}", services.describe());
            if (runsAsRoot()) {
                LOG.warn("serve runs as root; it needs no privileges (the default ports are above 1024): run it as an"
                        + " unprivileged user, e.g. with contrib/systemd/spamward.service");
            }
            stop.await();
        }
        return 0;
    }

    /** True when the effective user is root (the owner of /proc/self), else by the user name where /proc is missing. */
    static boolean runsAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** SIGHUP: read the configuration again and apply what can change while running; a bad one changes nothing. */
    private static void reload(CommandContext ctx, Services services) {
        try {
            List<String> restart = services.reload(ctx.reload());
            if (restart.isEmpty()) LOG.info("configuration reloaded");
            else LOG.warn("configuration reloaded; changed but applied only after a restart: {}", String.join(", ", restart));
        } catch (ConfigException e) {
            LOG.error("configuration not reloaded, the running one stays: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("configuration not reloaded, the running one stays", e);
        }
    }
}
