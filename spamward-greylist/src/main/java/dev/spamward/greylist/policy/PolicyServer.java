package dev.spamward.greylist.policy;

import dev.spamward.greylist.Answers;
import dev.spamward.greylist.QueryLog;
import dev.spamward.greylist.engine.Gate;
import dev.spamward.greylist.engine.Greylister;
import dev.spamward.greylist.engine.Query;
import dev.spamward.greylist.engine.Stats;
import dev.spamward.greylist.engine.Verdict;
import dev.spamward.greylist.net.Connection;
import dev.spamward.greylist.net.StreamListener;
import dev.spamward.greylist.net.StreamDoors;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The Postfix policy delegation front door (greylisting.md §3): many requests per connection, one virtual
 * thread per connection. Every well-formed request is answered; a malformed one (a line without '=',
 * missing client address or recipient) gets the error answer ({@code action=DUNNO} by default, fail open)
 * and the connection keeps serving; an over-long request gets the error answer and the connection is closed.
 */
public final class PolicyServer implements AutoCloseable {
    private final Greylister engine;
    private final Gate gate;
    private final Answers answers;
    private final long maxRequest;
    private final StreamDoors doors;
    private final Stats stats;

    /** Binds {@code listen} (port 0 = any free port) and starts serving. */
    public PolicyServer(InetSocketAddress listen, Greylister engine, Gate gate, Answers answers, StreamListener.Limits limits)
            throws IOException {
        this.engine = engine;
        this.gate = gate;
        this.answers = answers;
        this.maxRequest = limits.maxRequest();
        this.stats = engine.stats();
        this.doors = new StreamDoors("policy", listen, limits, this::serve, stats);
    }

    /**
     * Also serves on a unix-domain socket ({@code unix:PATH} in Postfix), with file permissions {@code mode}.
     *
     * @throws IOException when the path cannot be bound
     */
    public void listenUnix(java.nio.file.Path path, String mode) throws IOException {
        doors.listenUnix(path, mode);
    }

    /** The unix-domain socket served, or null. */
    public java.nio.file.Path unixPath() {
        return doors.unixPath();
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return doors.address();
    }

    private void serve(Connection s) throws IOException {
        OutputStream out = new BufferedOutputStream(s.out(), 4096);
        PolicyReader reader = new PolicyReader(s.in(), maxRequest);
        while (true) {
            PolicyRequest r;
            try {
                r = reader.next();
            } catch (PolicyReader.TooLarge e) {
                stats.error("malformed");
                out.write((answers.policyError() + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                QueryLog.malformed("policy", s, e.getMessage());
                return;
            }
            if (r == null) return;
            Verdict v;
            Query q = r.toQuery();
            if (r.malformed) {
                stats.error("malformed");
                v = Verdict.error("malformed request (line without '=')");
            } else {
                v = gate.decide(engine, q);
            }
            QueryLog.log("policy", q, v);
            out.write(encode(answers.policy(v)));
            // Pipelined requests are answered in one write; otherwise flush now.
            if (r.single || !reader.hasBuffered()) out.flush();
            if (r.single) return;
        }
    }

    /** Answers are few distinct strings: keep their bytes (bounded, so odd reasons cannot grow it). */
    private final java.util.concurrent.ConcurrentHashMap<String, byte[]> encoded = new java.util.concurrent.ConcurrentHashMap<>();

    private byte[] encode(String answer) {
        byte[] b = encoded.get(answer);
        if (b != null) return b;
        b = (answer + "\n\n").getBytes(StandardCharsets.UTF_8);
        if (encoded.size() < 64) encoded.put(answer, b);
        return b;
    }

    /** Connections open now. */
    public int openConnections() {
        return doors.openConnections();
    }

    @Override
    public void close() {
        doors.close();
    }
}
