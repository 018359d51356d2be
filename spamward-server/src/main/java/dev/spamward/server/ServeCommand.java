package dev.spamward.server;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.Subcommand;
import dev.spamward.core.config.Config;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code spamward serve}: starts every enabled service with the effective configuration and runs until
 * SIGTERM/SIGINT, then stops them in reverse order.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Spamward services (embedded defaults; no configuration file needed).")
public final class ServeCommand implements Callable<Integer>, Subcommand {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Config config = CommandContext.config(spec);
        CountDownLatch stop = new CountDownLatch(1);
        try (Services services = Services.start(config)) {
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                LOG.info("stopping");
                services.close();
                stop.countDown();
            }));
            LOG.info("spamward serving: {}", services.describe());
            LOG.info("this build does not serve the Bayes classifier as a service yet (use spamward bayes ...)");
            stop.await();
        }
        return 0;
    }
}
