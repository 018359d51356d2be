package dev.spamward.razor.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A Java port of shared/tools/fake_razor.py: a minimal Razor2 server for tests (greeting, discovery, state,
 * check, report with err=230 and upload, revoke, register, Razor-HMAC login for alice/secretpass). It keeps
 * every byte each client connection sent, so the bytes of the Perl agents and of Spamward can be compared.
 * Deliberately independent of the client code (own parsing, own HMAC), and able to misbehave on purpose.
 */
public final class FakeRazorServer implements AutoCloseable {
    /** How the server (mis)behaves. */
    public enum Mode { NORMAL, SILENT, NO_SN, CLOSE_AFTER_GREETING, TRICKLE, ENDLESS_LINE, WRONG_COUNT, GARBAGE, NOT_READING }

    public static final String CHALLENGE = "challenge123";
    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final ServerSocket socket;
    private final Set<String> spam = ConcurrentHashMap.newKeySet();
    private final Map<String, String> users = new ConcurrentHashMap<>(Map.of("alice", "secretpass"));
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.NORMAL;
    private volatile String greeting = "sn=C&srl=1&ep4=7542-10&a=cg";
    private volatile String state = "se=88&ac=50&bql=4&bqs=128&dre=4&zone=razor2.example";
    private volatile String spamAnswer = "p=1&cf=90";
    private volatile boolean rememberReports;
    private final Thread acceptor;

    /** The bytes one client connection sent, as request units (a line, or a whole batch). */
    public static final class Connection {
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);

        /** Waits until the server has finished with this connection (the client quit or went away). */
        public Connection awaitDone() throws InterruptedException {
            if (!done.await(10, java.util.concurrent.TimeUnit.SECONDS)) throw new IllegalStateException("connection still open");
            return this;
        }

        public List<String> requests() {
            return List.copyOf(requests);
        }

        /** Everything the client sent on this connection, concatenated. */
        public String bytes() {
            return String.join("", requests);
        }

        /** Whether this connection carried a request starting with {@code prefix} (after a batch dash). */
        public boolean has(String prefix) {
            return requests.stream().anyMatch(r -> r.startsWith(prefix) || r.startsWith("-" + prefix));
        }
    }

    public FakeRazorServer(InetAddress address, int port) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, port), 16);
        acceptor = Thread.ofPlatform().daemon().name("fake-razor-accept").start(this::acceptLoop);
    }

    /** A server on 127.0.0.1 and a free port. */
    public static FakeRazorServer onFreePort() throws IOException {
        return new FakeRazorServer(InetAddress.getLoopbackAddress(), 0);
    }

    public ServerAddress address() {
        return new ServerAddress(socket.getInetAddress().getHostAddress(), socket.getLocalPort());
    }

    public FakeRazorServer spam(String... sigs) {
        spam.addAll(List.of(sigs));
        return this;
    }

    /**
     * Makes a reported signature known spam and a revoked one known ham again, as a real server's counts
     * would (off by default: fake_razor.py keeps its spam list fixed). Used by end-to-end tests.
     */
    public FakeRazorServer rememberReports() {
        rememberReports = true;
        return this;
    }

    public FakeRazorServer mode(Mode m) {
        mode = m;
        return this;
    }

    public FakeRazorServer greeting(String g) {
        greeting = g;
        return this;
    }

    public FakeRazorServer state(String s) {
        state = s;
        return this;
    }

    public FakeRazorServer spamAnswer(String a) {
        spamAnswer = a;
        return this;
    }

    public Map<String, String> users() {
        return users;
    }

    public List<Connection> connections() {
        return List.copyOf(connections);
    }

    public void clearConnections() {
        connections.clear();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket c = socket.accept();
                open.add(c);
                Thread.ofVirtual().start(() -> serve(c));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        Connection conn = new Connection();
        connections.add(conn);
        try (s) {
            s.setSoTimeout(30_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            Mode m = mode;
            switch (m) {
                case SILENT -> {
                    in.read(); // wait until the client gives up
                    return;
                }
                case NO_SN -> {
                    send(out, "hello=there\r\n");
                    readLine(in);
                    return;
                }
                case TRICKLE -> {
                    for (byte b : (greeting + "\r\n").getBytes(StandardCharsets.ISO_8859_1)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(400);
                    }
                }
                case ENDLESS_LINE -> {
                    byte[] junk = new byte[8192];
                    java.util.Arrays.fill(junk, (byte) 'x');
                    while (true) out.write(junk);
                }
                default -> send(out, greeting + "\r\n");
            }
            if (m == Mode.CLOSE_AFTER_GREETING) {
                return;
            }
            if (m == Mode.NOT_READING) {
                s.setReceiveBufferSize(1024);
                Thread.sleep(20_000); // never reads nor answers: the client must give up on its own
                return;
            }
            Map<String, String> session = new HashMap<>();
            while (true) {
                String line = readLine(in);
                if (line == null) return;
                if (line.startsWith("-")) {
                    StringBuilder batch = new StringBuilder(line);
                    List<String> lines = new ArrayList<>(List.of(line));
                    while (true) {
                        String more = readLine(in);
                        if (more == null) break;
                        batch.append(more);
                        lines.add(more);
                        if (more.equals(".\r\n")) break;
                    }
                    conn.requests.add(batch.toString());
                    Map<String, String> first = parse(lines.getFirst().substring(1));
                    if ("*".equals(first.get("message"))) {
                        send(out, "res=1\r\n");
                        continue;
                    }
                    List<String> answers = new ArrayList<>();
                    answers.add(answer(first));
                    for (String l : lines.subList(1, lines.size() - 1)) answers.add(answer(parse(l)));
                    if (m == Mode.WRONG_COUNT) answers.removeLast();
                    if (m == Mode.GARBAGE) {
                        send(out, "-\u0000\u00ff%%&&==\r\n\u0001\r\n.\r\n");
                        continue;
                    }
                    send(out, "-" + String.join("\r\n", answers) + "\r\n.\r\n");
                    continue;
                }
                conn.requests.add(line);
                Map<String, String> q = parse(line);
                String a = q.get("a");
                if ("q".equals(a)) return;
                if (q.containsKey("cn") && a == null) continue;
                if (m == Mode.GARBAGE) {
                    send(out, "\u0000garbage&&=\r\n");
                    continue;
                }
                switch (a == null ? "" : a) {
                    case "g" -> {
                        String pm = q.get("pm");
                        if ("state".equals(pm)) send(out, state + "\r\n");
                        else if ("csl".equals(pm) || "nsl".equals(pm)) send(out, pm + "=" + selfName() + "\r\n");
                        else send(out, "err=202\r\n");
                    }
                    case "ai" -> {
                        session.put("user", q.getOrDefault("user", ""));
                        send(out, users.containsKey(session.get("user")) ? "achal=" + CHALLENGE + "\r\n" : "err=213\r\n");
                    }
                    case "auth" -> {
                        String want = hmac(CHALLENGE, users.getOrDefault(session.getOrDefault("user", ""), ""));
                        send(out, want.equals(q.get("aresp")) ? "res=1\r\n" : "res=0\r\n");
                    }
                    case "reg" -> {
                        String user = q.getOrDefault("user", "");
                        String pw = q.getOrDefault("pass", "");
                        if (user.isEmpty()) user = String.format("user%04d", ThreadLocalRandom.current().nextInt(10000));
                        if (pw.isEmpty()) pw = String.format("pw%06d", ThreadLocalRandom.current().nextInt(1000000));
                        if (users.containsKey(user) && !users.get(user).equals(pw)) {
                            send(out, "err=210\r\n");
                        } else {
                            users.put(user, pw);
                            send(out, "res=1&user=" + user + "&pass=" + pw + "\r\n");
                        }
                    }
                    default -> send(out, answer(q) + "\r\n");
                }
            }
        } catch (IOException | InterruptedException e) {
            // client gone
        } finally {
            conn.done.countDown();
        }
    }

    private String selfName() {
        String host = socket.getInetAddress().getHostAddress();
        return socket.getLocalPort() == 2703 ? host : host + ":" + socket.getLocalPort();
    }

    private String answer(Map<String, String> q) {
        String a = q.getOrDefault("a", "");
        return switch (a) {
            case "c" -> spam.contains(q.get("s")) ? spamAnswer : "p=0";
            case "r" -> {
                if (rememberReports && q.get("s") != null) spam.add(q.get("s"));
                yield "err=230";
            }
            case "revoke" -> {
                if (rememberReports && q.get("s") != null) spam.remove(q.get("s"));
                yield "res=1";
            }
            default -> "err=201";
        };
    }

    private static void send(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** One line including its {@code \n}; {@code null} at end of stream. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            if (c == '\n') break;
            if (b.size() > 1 << 20) throw new IOException("line too long");
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    /** fake_razor.py's parsesis: no unescaping, split at the first '='. */
    static Map<String, String> parse(String line) {
        Map<String, String> d = new LinkedHashMap<>();
        String s = line;
        while (s.endsWith("\r") || s.endsWith("\n")) s = s.substring(0, s.length() - 1);
        for (String pair : s.split("&", -1)) {
            int eq = pair.indexOf('=');
            d.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return d;
    }

    static String hextobase64(String hs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hs.length(); i += 3) {
            int[] nib = new int[3];
            for (int k = 0; k < 3; k++) nib[k] = i + k < hs.length() ? Character.digit(hs.charAt(i + k), 16) : 0;
            int[] bv = {(nib[1] << 4) | nib[0], nib[2]};
            int v1 = 0;
            int v2 = 0;
            for (int b = 0; b < 12; b++) {
                int bit = (bv[b >> 3] >> (b & 7)) & 1;
                if (b < 6) v1 = v1 * 2 + bit;
                else v2 = v2 * 2 + bit;
            }
            out.append(B64.charAt(v1)).append(B64.charAt(v2));
        }
        return out.toString();
    }

    static String hmac(String text, String key) {
        try {
            byte[] k = key.getBytes(StandardCharsets.ISO_8859_1);
            int n = Math.max(64, k.length);
            byte[] iv1 = new byte[n];
            byte[] iv2 = new byte[n];
            for (int i = 0; i < n; i++) {
                int kb = i < k.length ? k[i] & 0xff : 0;
                iv1[i] = (byte) ((i < 64 ? 0x36 : 0) ^ kb);
                iv2[i] = (byte) ((i < 64 ? 0x5C : 0) ^ kb);
            }
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(iv2);
            md.update(text.getBytes(StandardCharsets.ISO_8859_1));
            String d1 = java.util.HexFormat.of().formatHex(md.digest());
            md.update(iv1);
            md.update(d1.getBytes(StandardCharsets.US_ASCII));
            return hextobase64(java.util.HexFormat.of().formatHex(md.digest()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
