package dev.spamward.greylist.cli;

import dev.spamward.core.cli.CommandContext;
import dev.spamward.core.cli.Subcommand;
import dev.spamward.core.cli.UserException;
import dev.spamward.core.config.Config;
import dev.spamward.core.config.CoreSettings;
import dev.spamward.core.io.IoErrors;
import dev.spamward.greylist.GreylistSettings;
import dev.spamward.greylist.client.MilterClient;
import dev.spamward.greylist.client.PolicyClient;
import dev.spamward.greylist.client.SjsmsClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spamward greylist}: ask a running greylisting server (gclient's job) and show its statistics. */
@Command(name = "greylist", mixinStandardHelpOptions = true, description = "Query a running greylisting server.",
        subcommands = {GreylistCommand.Query.class, GreylistCommand.Stats.class})
public final class GreylistCommand implements Subcommand, Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Protocols the query command speaks. */
    enum Proto { policy, sjsms, milter }

    /** {@code spamward greylist query}: one triplet, printed answer. */
    @Command(name = "query", mixinStandardHelpOptions = true,
            description = "Ask the server about one triplet and print its answer (exit 0 when answered).")
    static final class Query implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--proto", defaultValue = "policy", description = "policy, sjsms or milter (default: ${DEFAULT-VALUE})")
        Proto proto;
        @Option(names = "--server", description = "host:port (default: the configured listen address of --proto)")
        String server;
        @Option(names = "--client-ip", required = true, description = "client address")
        String clientIp;
        @Option(names = "--sender", required = true, description = "envelope sender ('' for the null sender)")
        String sender;
        @Option(names = "--recipient", required = true, description = "envelope recipient")
        String recipient;
        @Option(names = "--helo", defaultValue = "", description = "HELO name")
        String helo;
        @Option(names = "--client-name", defaultValue = "unknown", description = "verified client host name")
        String clientName;
        @Option(names = "--timeout", defaultValue = "10s", description = "answer timeout (default: ${DEFAULT-VALUE})")
        String timeout;

        @Override
        public Integer call() {
            Config c = CommandContext.config(spec);
            InetSocketAddress addr = address(c);
            int ms = (int) dev.spamward.core.config.ValueType.duration().parse(timeout).toMillis();
            try {
                switch (proto) {
                    case policy -> {
                        try (PolicyClient pc = new PolicyClient(addr, ms)) {
                            Map<String, String> m = new LinkedHashMap<>();
                            m.put("request", "smtpd_access_policy");
                            m.put("protocol_state", "RCPT");
                            m.put("client_address", clientIp);
                            m.put("client_name", clientName);
                            m.put("helo_name", helo);
                            m.put("sender", sender);
                            m.put("recipient", recipient);
                            var answer = pc.ask(m);
                            if (answer.isEmpty()) throw new UserException("server closed the connection without answering", 1);
                            answer.forEach(System.out::println);
                        }
                    }
                    case sjsms -> System.out.println(SjsmsClient.ask(addr, SjsmsClient.query(sender, recipient, clientIp, helo), ms));
                    case milter -> {
                        try (MilterClient mc = new MilterClient(addr, ms)) {
                            MilterClient.Reply r = mc.query(clientName, clientIp, helo.isEmpty() ? "unknown" : helo, sender, recipient);
                            System.out.println(r.command() + (r.text().isEmpty() ? "" : " " + r.text()));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UserException("greylist query to " + addr.getHostString() + ":" + addr.getPort() + " failed: " + e.getMessage(), 1);
            }
            return 0;
        }

        private InetSocketAddress address(Config c) {
            InetSocketAddress a;
            if (server != null) {
                try {
                    a = dev.spamward.core.config.ValueType.socketAddress("127.0.0.1").parse(server);
                } catch (IllegalArgumentException e) {
                    throw new UserException("--server " + server + ": " + e.getMessage(), 2);
                }
            } else {
                a = c.get(switch (proto) {
                    case policy -> GreylistSettings.POLICY_LISTEN;
                    case sjsms -> GreylistSettings.SJSMS_LISTEN;
                    case milter -> GreylistSettings.MILTER_LISTEN;
                });
            }
            try {
                return new InetSocketAddress(InetAddress.getByName(a.getHostString()), a.getPort());
            } catch (IOException e) {
                throw new UserException("cannot resolve " + a.getHostString(), 2);
            }
        }
    }

    /** {@code spamward greylist stats}: the status JSON of a running server. */
    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Print the statistics of a running server (GET /greylist/status on the HTTP endpoint).")
    static final class Stats implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--server", description = "HTTP endpoint host:port (default: http.listen)")
        String server;

        @Override
        public Integer call() {
            Config c = CommandContext.config(spec);
            InetSocketAddress a = server == null ? c.get(CoreSettings.HTTP_LISTEN)
                    : dev.spamward.core.config.ValueType.socketAddress("127.0.0.1").parse(server);
            String host = a.getHostString().contains(":") ? "[" + a.getHostString() + "]" : a.getHostString();
            URI uri = URI.create("http://" + host + ":" + a.getPort() + "/greylist/status");
            try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) throw new UserException(uri + " answered HTTP " + r.statusCode(), 1);
                System.out.print(r.body());
            } catch (IOException e) {
                throw new UserException("cannot reach " + uri + " (is 'spamward serve' running?): " + IoErrors.reason(e), 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserException("interrupted", 1);
            }
            return 0;
        }
    }
}
