package dev.spamward.razor.client;

import dev.spamward.razor.sig.MessageSignatures;
import dev.spamward.razor.sig.PartSignatures;
import dev.spamward.razor.sig.Signer;
import dev.spamward.razor.wire.Batches;
import dev.spamward.razor.wire.RazorHmac;
import dev.spamward.razor.wire.Replies;
import dev.spamward.razor.wire.Sis;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Razor2 client speaking the agents' text protocol over TCP: check against catalogue servers; report,
 * revoke and register against nomination servers after Razor's HMAC login. Requests are byte-identical to
 * razor-agents 2.84 (it also announces itself as {@code razor-agents} 2.84, as servers expect).
 *
 * <p>Thread-safe: every operation uses its own connection; server state ({@code a=g&pm=state}) and discovered
 * server lists are cached in memory. A server that cannot be reached, times out, or breaks the protocol is
 * skipped and the next one tried. The message is never written anywhere.
 */
public final class RazorClient {
    /** The client name sent in {@code cn=} and {@code a=ai}. */
    public static final String CLIENT_NAME = "razor-agents";
    /** The client version sent in {@code cv=}. */
    public static final String CLIENT_VERSION = "2.84";
    /** The registrar sent with {@code a=reg}, and the {@code X-Razor2-Agent} of uploaded parts. */
    public static final String REGISTRAR = Signer.DEFAULT_AGENT;

    private static final Logger LOG = LoggerFactory.getLogger(RazorClient.class);

    private final RazorOptions options;
    private final Map<ServerAddress, ServerState> states = new ConcurrentHashMap<>();
    private final Discovery discovery;

    public RazorClient(RazorOptions options) {
        this.options = options;
        this.discovery = new Discovery(options, this::openRaw);
    }

    public RazorOptions options() {
        return options;
    }

    /** The signatures of a message with the default {@code ep4} and the configured engines (no network). */
    public MessageSignatures signatures(byte[] message) {
        return new Signer(REGISTRAR, engines(Set.of(4, 8))).sign(message, null);
    }

    /** Asks the catalogue servers whether {@code message} is known spam. */
    public CheckResult check(byte[] message) throws RazorException {
        CheckResult r = onServers(discovery.catalogue(), "check", session -> doCheck(session, message));
        RazorMetrics.OPERATIONS.labelValues("check", r.spam() ? "spam" : "ham").inc();
        return r;
    }

    /** Reports {@code message} as spam, uploading it when the server asks for it ({@code err=230}). */
    public ReportResult report(byte[] message, Credentials credentials) throws RazorException {
        return onServers(discovery.nomination(), "report", session -> doReport(session, message, credentials));
    }

    /** Revokes an earlier report of {@code message} (not spam after all). */
    public ReportResult revoke(byte[] message, Credentials credentials) throws RazorException {
        return onServers(discovery.nomination(), "revoke", session -> doRevoke(session, message, credentials));
    }

    /**
     * Registers an account with a nomination server; {@code user} and {@code pass} may be {@code null} to let
     * the server choose. A taken name with the right password counts as registered (the agents' behaviour).
     */
    public Credentials register(String user, String pass) throws RazorException {
        return onServers(discovery.nomination(), "register", session -> doRegister(session, user, pass));
    }

    // ---------------------------------------------------------------- operations

    private CheckResult doCheck(Session s, byte[] message) throws IOException, RazorException {
        Set<Integer> engines = engines(s.state.engines());
        MessageSignatures sigs = new Signer(REGISTRAR, engines).sign(message, s.state.ep4());
        long minCf = options.minConfidence().resolve(s.state.ac());
        List<Map<String, String>> queries = new ArrayList<>();
        List<int[]> owner = new ArrayList<>(); // {part, engine}
        List<String> sent = new ArrayList<>();
        for (PartSignatures p : sigs.parts()) {
            if (p.skipped()) continue;
            if (p.e4() != null) {
                queries.add(Map.of("a", "c", "e", "4", "ep4", sigs.ep4(), "s", p.e4()));
                owner.add(new int[] {p.index(), 4});
                sent.add(p.e4());
            }
            for (String sig : p.e8()) {
                queries.add(Map.of("a", "c", "e", "8", "s", sig));
                owner.add(new int[] {p.index(), 8});
                sent.add(sig);
            }
        }
        List<Map<String, String>> responses = queries.isEmpty() ? List.of() : send(s, queries, s.state);
        List<CheckResult.Part> parts = new ArrayList<>();
        boolean spam = false;
        for (PartSignatures p : sigs.parts()) {
            List<CheckResult.Answer> answers = new ArrayList<>();
            boolean partSpam = false;
            boolean contention = false;
            for (int i = 0; i < queries.size(); i++) {
                if (owner.get(i)[0] != p.index()) continue;
                Map<String, String> r = responses.get(i);
                boolean isSpam = isSpam(r, minCf);
                String ct = r.get("ct");
                contention = ct != null && !ct.isEmpty() && !ct.equals("0"); // the last response decides
                partSpam |= isSpam;
                answers.add(new CheckResult.Answer(owner.get(i)[1], sent.get(i), isSpam, r));
            }
            if (!p.skipped() && !contention && partSpam) spam = true;
            parts.add(new CheckResult.Part(p.index(), p.skipped(), contention, partSpam, answers));
        }
        return new CheckResult(spam, s.address, minCf, parts);
    }

    /** {@code check_resp}: an error is never spam; {@code p=1} is spam unless {@code cf} is below the threshold. */
    static boolean isSpam(Map<String, String> r, long minCf) {
        if (r.containsKey("err")) return false;
        if (!"1".equals(r.get("p"))) return false;
        String cf = r.get("cf");
        return cf == null || ServerState.number(cf, 0) >= minCf;
    }

    private ReportResult doReport(Session s, byte[] message, Credentials credentials)
            throws IOException, RazorException {
        authenticate(s, credentials);
        int dre = s.state.dre() == 0 ? 4 : s.state.dre();
        if (dre != 4 && dre != 8) throw new RazorException("server asks for reports with engine " + dre
                + ", which this client does not compute");
        Set<Integer> engines = engines(s.state.engines());
        engines.add(dre);
        MessageSignatures sigs = new Signer(REGISTRAR, engines).sign(message, s.state.ep4());
        List<Map<String, String>> rchecks = new ArrayList<>();
        for (PartSignatures p : sigs.parts()) {
            if (p.skipped()) continue;
            String sig = dre == 4 ? p.e4() : (p.e8().isEmpty() ? null : p.e8().getFirst());
            if (sig == null) continue;
            Map<String, String> q = new LinkedHashMap<>();
            q.put("a", "r");
            q.put("e", Integer.toString(dre));
            q.put("s", sig);
            if (dre == 4) q.put("ep4", sigs.ep4());
            rchecks.add(q);
        }
        if (rchecks.isEmpty()) return new ReportResult(s.address, 0, 0, 0, 0);
        List<Map<String, String>> responses = send(s, rchecks, s.state);
        int wanted = 0;
        int accepted = 0;
        for (Map<String, String> r : responses) {
            if ("230".equals(r.get("err"))) wanted++;
            else if (!r.containsKey("err") && "1".equals(r.get("res"))) accepted++;
        }
        int uploads = 0;
        if (wanted > 0) {
            for (String body : uploadBodies(sigs, s.state.bqs())) {
                Map<String, String> q = new LinkedHashMap<>();
                q.put("a", "r");
                q.put("message", body);
                Map<String, String> r = send(s, List.of(q), s.state).getFirst();
                uploads++;
                if (!r.containsKey("err") && "1".equals(r.get("res"))) accepted++;
            }
        }
        return new ReportResult(s.address, rchecks.size(), wanted, uploads, accepted);
    }

    /**
     * {@code make_query(report)}: the original headers followed by {@code "\r\n" + part} for every part from
     * part 0, a new upload when the next part would reach {@code bqs} KiB (at least one part per upload, where
     * the agents would loop forever).
     */
    static List<String> uploadBodies(MessageSignatures sigs, int bqs) {
        List<String> out = new ArrayList<>();
        List<String> parts = sigs.partTexts();
        long limit = bqs > 0 ? bqs * 1024L : Long.MAX_VALUE;
        int n = 0;
        while (n < parts.size()) {
            StringBuilder line = new StringBuilder(sigs.headers());
            int added = 0;
            while (n < parts.size()) {
                String body = parts.get(n);
                if (added > 0 && body.length() + line.length() >= limit) break;
                line.append("\r\n").append(body);
                n++;
                added++;
            }
            out.add(line.toString());
        }
        return out;
    }

    private ReportResult doRevoke(Session s, byte[] message, Credentials credentials)
            throws IOException, RazorException {
        authenticate(s, credentials);
        MessageSignatures sigs = new Signer(REGISTRAR, engines(s.state.engines())).sign(message, s.state.ep4());
        List<Map<String, String>> queries = new ArrayList<>();
        for (PartSignatures p : sigs.parts()) {
            if (p.skipped()) continue;
            if (p.e4() != null) queries.add(Map.of("a", "revoke", "e", "4", "s", p.e4()));
            for (String sig : p.e8()) queries.add(Map.of("a", "revoke", "e", "8", "s", sig));
        }
        if (queries.isEmpty()) return new ReportResult(s.address, 0, 0, 0, 0);
        int accepted = 0;
        for (Map<String, String> r : send(s, queries, s.state)) {
            if (!r.containsKey("err") && "1".equals(r.get("res"))) accepted++;
        }
        return new ReportResult(s.address, queries.size(), 0, 0, accepted);
    }

    private Credentials doRegister(Session s, String user, String pass) throws IOException, RazorException {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("a", "reg");
        q.put("registrar", REGISTRAR);
        if (user != null && !user.isEmpty()) q.put("user", user);
        if (pass != null && !pass.isEmpty()) q.put("pass", pass);
        Map<String, String> r = s.conn.exchange(Sis.make(q), 1).getFirst();
        String err = r.get("err");
        if ("210".equals(err)) {
            if (q.containsKey("user") && q.containsKey("pass")) {
                Credentials c = new Credentials(user, pass);
                try {
                    authenticate(s, c); // the name is ours if the password works
                    return c;
                } catch (RazorException e) {
                    // fall through: the name belongs to someone else
                }
            }
            throw new RazorException("user " + user + " exists on " + s.address + " (err 210); try another name");
        }
        if (err != null) throw new RazorException("registration refused by " + s.address + " (err " + err + ")");
        if (!"1".equals(r.get("res"))) throw new RazorException("registration not confirmed by " + s.address);
        String u = r.getOrDefault("user", "");
        String p = r.getOrDefault("pass", "");
        if (u.isBlank() || p.isBlank()) throw new RazorException(s.address + " confirmed a registration without user and pass");
        return new Credentials(u, p);
    }

    /** {@code authenticate}: {@code a=ai}, then {@code a=auth} with the Razor HMAC; re-registers once on 213. */
    private void authenticate(Session s, Credentials c) throws IOException, RazorException {
        for (int attempt = 0; ; attempt++) {
            Map<String, String> ai = new LinkedHashMap<>();
            ai.put("a", "ai");
            ai.put("user", c.user());
            ai.put("cn", CLIENT_NAME);
            ai.put("cv", CLIENT_VERSION);
            Map<String, String> r = s.conn.exchange(Sis.make(ai), 1).getFirst();
            String err = r.get("err");
            if ("213".equals(err) && attempt == 0) {
                Credentials again = doRegister(s, c.user(), c.pass());
                if (!again.equals(c)) throw new RazorException("unknown user " + c.user() + " on " + s.address);
                continue;
            }
            if (err != null) throw new RazorException("login as " + c.user() + " refused by " + s.address + " (err " + err + ")");
            String challenge = r.get("achal");
            if (challenge == null || challenge.isEmpty()) throw new ProtocolException("no achal in login reply");
            Map<String, String> auth = Map.of("a", "auth", "aresp", RazorHmac.response(challenge, c.pass()));
            Map<String, String> ok = s.conn.exchange(Sis.make(auth), 1).getFirst();
            if (ok.containsKey("err")) throw new RazorException("login as " + c.user() + " refused by " + s.address + " (err " + ok.get("err") + ")");
            if (!"1".equals(ok.get("res"))) throw new RazorException("authentication failed for user " + c.user() + " on " + s.address);
            return;
        }
    }

    // ---------------------------------------------------------------- plumbing

    private Set<Integer> engines(Set<Integer> server) {
        Set<Integer> out = new TreeSet<>(options.engines());
        out.retainAll(Set.of(4, 8));
        out.retainAll(server);
        return out;
    }

    /** Sends queries in batches and returns one response per query, in order. */
    private List<Map<String, String>> send(Session s, List<Map<String, String>> queries, ServerState st)
            throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        for (String batch : Batches.encode(queries, st.bql(), st.bqs())) {
            out.addAll(s.conn.exchange(batch, Batches.queryCount(batch)));
        }
        return out;
    }

    @FunctionalInterface
    private interface Operation<T> {
        T run(Session session) throws IOException, RazorException;
    }

    /** Runs {@code op} on the first server that behaves; a refusal (RazorException) is final. */
    private <T> T onServers(List<ServerAddress> servers, String what, Operation<T> op) throws RazorException {
        try {
            T result = tryServers(servers, what, op);
            if (!what.equals("check")) RazorMetrics.OPERATIONS.labelValues(what, "ok").inc();
            return result;
        } catch (RazorException e) {
            RazorMetrics.OPERATIONS.labelValues(what, e.serverUnavailable() ? "failed" : "refused").inc();
            throw e;
        }
    }

    private <T> T tryServers(List<ServerAddress> servers, String what, Operation<T> op) throws RazorException {
        if (servers.isEmpty()) throw new RazorException("no Razor servers for " + what, true);
        List<String> problems = new ArrayList<>();
        for (ServerAddress address : servers) {
            Session session = null;
            try {
                session = open(address);
                T result = op.run(session);
                session.conn.quit();
                return result;
            } catch (IOException | RuntimeException e) {
                LOG.debug("razor {}: skipping {}: {}", what, address, e.toString());
                RazorMetrics.SERVER_FAILURES.inc();
                problems.add(address + ": " + describe(e));
            } finally {
                if (session != null) session.conn.close();
            }
        }
        throw new RazorException("no Razor server answered the " + what + " (" + String.join("; ", problems) + ")",
                true);
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    record Session(ServerAddress address, Connection conn, ServerState state) {
    }

    /** Connects and reads the greeting without identifying (discovery servers). */
    Connection openRaw(ServerAddress address) throws IOException {
        InetSocketAddress sa = new InetSocketAddress(address.host(), address.port());
        if (sa.isUnresolved()) throw new IOException("cannot resolve " + address.host());
        return Connection.open(sa, options.timeout(), options.maxReplyBytes());
    }

    /** Connects, checks the greeting, identifies when asked to, and refreshes the cached state if stale. */
    private Session open(ServerAddress address) throws IOException {
        Connection c = openRaw(address);
        try {
            Map<String, String> greeting = Sis.parse(c.readReply());
            String sn = greeting.get("sn");
            if (sn == null || sn.isEmpty()) throw new ProtocolException("greeting without sn");
            if ("cg".equals(greeting.get("a"))) c.send("cn=" + CLIENT_NAME + "&cv=" + CLIENT_VERSION + "\r\n");
            ServerState cached = states.get(address);
            String gsrl = greeting.get("srl");
            ServerState st = cached;
            if (cached == null || gsrl == null || ServerState.number(gsrl, -1) > cached.srl()) {
                c.send("a=g&pm=state\r\n");
                List<Map<String, String>> fields = Replies.parse(c.readReply());
                st = cached == null ? ServerState.defaults() : cached;
                for (Map<String, String> f : fields) st = st.with(f);
                st = st.with(Map.of("srl", gsrl == null ? "-1" : gsrl));
                if (cached != null) discovery.invalidate(); // the agents rediscover when srl changes
            }
            String ep4 = greeting.get("ep4");
            if (ep4 != null && !ep4.isEmpty()) st = st.with(Map.of("ep4", ep4));
            states.put(address, st);
            return new Session(address, c, st);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }
}
