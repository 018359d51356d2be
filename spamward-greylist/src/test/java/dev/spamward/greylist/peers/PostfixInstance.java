package dev.spamward.greylist.peers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Postfix instance (the Java port of tools/postfix-instance.sh): its own config directory, queue
 * and data directory under a temp dir, SMTP on 127.0.0.1 and a free port, everything for example.org
 * accepted and discarded, XCLIENT allowed from 127.0.0.1 so swaks can pose as any client. The system
 * instance and /etc/postfix are not touched. Needs root (Postfix drops to its own user).
 */
public final class PostfixInstance implements AutoCloseable {
    private final Path dir;
    private final String postfix;
    private final int port;

    private PostfixInstance(Path dir, String postfix, int port) {
        this.dir = dir;
        this.postfix = postfix;
        this.port = port;
    }

    /**
     * Starts Postfix with an optional policy service ({@code inet:127.0.0.1:PORT}) and/or milter
     * ({@code inet:127.0.0.1:PORT}); null for none.
     */
    public static PostfixInstance start(Path dir, String policy, String milter) throws IOException, InterruptedException {
        return start(dir, policy, milter, List.of(), List.of());
    }

    /**
     * As {@link #start(Path, String, String)}, with {@code services} appended to master.cf (e.g. a {@code pipe}
     * content filter) and {@code settings} ({@code name = value}) added to main.cf, each replacing a default of the same name.
     */
    public static PostfixInstance start(Path dir, String policy, String milter, List<String> services, List<String> settings)
            throws IOException, InterruptedException {
        return start(dir, policy, milter, services, settings, false);
    }

    /**
     * As {@link #start(Path, String, String, List, List)}; with {@code localSubmission}, processes that Postfix starts
     * (a {@code pipe} service) can also submit mail with the real {@code sendmail}. Postfix's set-group-id
     * {@code postdrop} takes a configuration directory other than /etc/postfix only when /etc/postfix/main.cf lists it
     * in {@code alternate_config_directories}; so that the system's /etc/postfix stays untouched, the instance runs in
     * a mount namespace of its own ({@code unshare -m}) where a copy of /etc/postfix with that line is mounted over it.
     * Only Postfix's own processes see the copy.
     */
    public static PostfixInstance start(Path dir, String policy, String milter, List<String> services, List<String> settings,
            boolean localSubmission) throws IOException, InterruptedException {
        String postfix = Peers.require("postfix", "postfix");
        if (!"root".equals(System.getProperty("user.name"))) {
            org.assertj.core.api.Assertions.fail("a private Postfix instance needs root (Postfix switches to its own user);"
                    + " run the tests as root, as scripts/test does in CI");
        }
        String postconf = Peers.require("postconf", "postfix");
        int port = Peers.freePort();
        Path pfx = dir.toAbsolutePath();
        Path etc = Files.createDirectories(pfx.resolve("etc"));
        Files.createDirectories(pfx.resolve("spool"));
        Path data = Files.createDirectories(pfx.resolve("data"));
        Peers.traversable(pfx); // Postfix's own user must traverse the directory
        UserPrincipal owner = pfx.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postfix");
        Files.setOwner(data, owner);
        String master = Files.readString(Path.of("/etc/postfix/master.cf"))
                .replaceFirst("(?m)^smtp      inet", "127.0.0.1:" + port + " inet");
        Files.writeString(etc.resolve("master.cf"), master + "\n" + String.join("\n", services) + "\n");
        Path dyn = Path.of("/etc/postfix/dynamicmaps.cf");
        if (Files.exists(dyn)) Files.copy(dyn, etc.resolve("dynamicmaps.cf"));
        String restr = "reject_unauth_destination";
        if (policy != null) restr += ", check_policy_service { " + policy + ", timeout=10s, default_action=DUNNO }";
        List<String> main = new ArrayList<>(List.of(
                "compatibility_level = 3.6",
                "queue_directory = " + pfx.resolve("spool"),
                "data_directory = " + data,
                "myhostname = mx.test.invalid",
                "mydestination =",
                "inet_interfaces = 127.0.0.1",
                "inet_protocols = ipv4",
                "mynetworks = 127.0.0.1/32",
                "relay_domains = example.org",
                "relay_transport = discard:",
                "default_transport = discard:",
                "smtpd_authorized_xclient_hosts = 127.0.0.1",
                "smtpd_relay_restrictions = reject_unauth_destination",
                "smtpd_recipient_restrictions = " + restr,
                "milter_default_action = accept",
                "maillog_file_prefixes = " + pfx,
                "maillog_file = " + pfx.resolve("maillog"),
                "alias_maps =",
                "alias_database ="));
        if (milter != null) main.add("smtpd_milters = " + milter);
        for (String setting : settings) { // a later setting replaces the default above (Postfix would warn of the duplicate)
            String name = setting.split("=", 2)[0].strip();
            main.removeIf(l -> l.split("=", 2)[0].strip().equals(name));
            main.add(setting);
        }
        Files.write(etc.resolve("main.cf"), main);
        run(postconf, "-c", etc.toString(), "-F", "*/*/chroot = n");
        run(postfix, "-c", etc.toString(), "check");
        if (localSubmission) {
            Path defaultConfig = Peers.copyTree(Path.of("/etc/postfix"), pfx.resolve("default-config"));
            Files.writeString(defaultConfig.resolve("main.cf"), "\nalternate_config_directories = " + etc + "\n",
                    StandardOpenOption.APPEND);
            run(Peers.require("unshare", "util-linux"), "--mount", "--propagation", "private", "sh", "-c",
                    "mount --bind \"$1\" /etc/postfix && exec \"$2\" -c \"$3\" start", "sh", defaultConfig.toString(), postfix,
                    etc.toString());
        } else {
            run(postfix, "-c", etc.toString(), "start");
        }
        PostfixInstance pf = new PostfixInstance(pfx, postfix, port);
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return pf;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        pf.close();
        throw new IOException("Postfix did not listen on 127.0.0.1:" + port + "; maillog:\n" + pf.maillog());
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "): " + out);
        }
        return out;
    }

    /** The SMTP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The instance's mail log. */
    public String maillog() throws IOException {
        Path log = dir.resolve("maillog");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /**
     * Sends one mail with swaks posing (XCLIENT) as {@code clientIp}; returns swaks' transcript.
     */
    public String swaks(String clientIp, String helo, String from, String to) throws IOException, InterruptedException {
        String swaks = Peers.require("swaks", "swaks");
        Process p = new ProcessBuilder(swaks, "--server", "127.0.0.1", "--port", String.valueOf(port), "--helo", helo,
                "--from", from, "--to", to, "--xclient-addr", clientIp, "--xclient-name", helo, "--xclient-helo", helo,
                "--timeout", "30").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** Sends the message in {@code data} (a whole RFC 5322 message) with swaks; returns swaks' transcript. */
    public String swaksData(String from, String to, Path data) throws IOException, InterruptedException {
        return swaksData(port, from, to, data);
    }

    /** As {@link #swaksData(String, String, Path)}, to another smtpd of this instance listening on {@code smtpPort}. */
    public String swaksData(int smtpPort, String from, String to, Path data) throws IOException, InterruptedException {
        String swaks = Peers.require("swaks", "swaks");
        Process p = new ProcessBuilder(swaks, "--server", "127.0.0.1", "--port", String.valueOf(smtpPort), "--helo", "mail.example.net",
                "--from", from, "--to", to, "--data", data.toString(), "--timeout", "30").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** {@code postqueue -p} of this instance: the messages still queued. */
    public String queue() throws IOException, InterruptedException {
        return run(Peers.require("postqueue", "postfix"), "-c", dir.resolve("etc").toString(), "-p");
    }

    /** Asks the queue manager to try deferred mail again at once ({@code postqueue -f}). */
    public void flush() throws IOException, InterruptedException {
        run(Peers.require("postqueue", "postfix"), "-c", dir.resolve("etc").toString(), "-f");
    }

    @Override
    public void close() {
        try {
            run(postfix, "-c", dir.resolve("etc").toString(), "stop");
        } catch (IOException | InterruptedException e) {
            // Already stopped or never started.
        }
    }
}
