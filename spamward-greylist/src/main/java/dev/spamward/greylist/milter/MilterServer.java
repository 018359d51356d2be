package dev.spamward.greylist.milter;

import dev.spamward.greylist.Answers;
import dev.spamward.greylist.QueryLog;
import dev.spamward.greylist.engine.Gate;
import dev.spamward.greylist.engine.Greylister;
import dev.spamward.greylist.engine.Query;
import dev.spamward.greylist.engine.Verdict;
import dev.spamward.greylist.net.Connection;
import dev.spamward.greylist.net.StreamListener;
import dev.spamward.greylist.net.StreamDoors;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The milter front door (greylisting.md §4.2), written on the wire format: option negotiation, connect,
 * helo, envfrom, envrcpt, abort, quit; the greylist decision at RCPT as a reply code (GREY
 * {@code 452 4.4.3 ...}, BLOCK {@code 550 5.7.1 ...}) or continue. Addresses go through the same
 * normaliser as the policy path (grossd's milter kept the angle brackets, defect 3), IPv6 clients are
 * checked (defect 4), and the message state is reset on every MAIL FROM and abort.
 */
public final class MilterServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MilterServer.class);

    private final Greylister engine;
    private final Gate gate;
    private final Answers answers;
    private final long maxPacket;
    private final StreamDoors doors;

    /** Binds {@code listen} (port 0 = any free port) and starts serving. */
    public MilterServer(InetSocketAddress listen, Greylister engine, Gate gate, Answers answers, StreamListener.Limits limits)
            throws IOException {
        this.engine = engine;
        this.gate = gate;
        this.answers = answers;
        // Body chunks are at most 64 KiB (1 MiB with SMFIP_MDS_1M); we ask not to get them, but accept them.
        this.maxPacket = Math.max(limits.maxRequest(), 65_536 + 16);
        this.doors = new StreamDoors("milter", listen, limits, this::serve, engine.stats());
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

    public InetSocketAddress address() {
        return doors.address();
    }

    /** Per-connection state. */
    private static final class Session {
        String clientName = "";
        String clientAddress = "";
        String helo = "";
        String sender;
        String authUser = "";
        boolean skip;

        void resetMessage() {
            sender = null;
            authUser = "";
        }
    }

    private void serve(Connection s) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(s.in(), 8192));
        OutputStream out = new BufferedOutputStream(s.out(), 1024);
        Session st = new Session();
        while (true) {
            MilterCodec.Packet p;
            try {
                p = MilterCodec.read(in, maxPacket);
            } catch (MilterCodec.BadPacket e) {
                engine.stats().error("malformed");
                QueryLog.malformed("milter", s, e.getMessage());
                return;
            }
            if (p == null) return;
            byte[] reply = handle(p, st);
            if (reply == CLOSE) return;
            if (reply != null) {
                out.write(reply);
                out.flush();
            }
        }
    }

    private static final byte[] CLOSE = new byte[0];

    /** Handles one packet; returns the encoded reply, null for none, or {@link #CLOSE}. */
    private byte[] handle(MilterCodec.Packet p, Session st) throws IOException {
        byte[] d = p.data();
        switch (p.command()) {
            case MilterCodec.OPTNEG -> {
                int version = MilterCodec.u32(d, 0);
                int protocol = MilterCodec.u32(d, 8);
                int v = Math.min(version, MilterCodec.VERSION);
                return packet(MilterCodec.OPTNEG, MilterCodec.u32s(v, 0, protocol & MilterCodec.SKIP_STEPS));
            }
            case MilterCodec.MACRO -> {
                // cmd byte, then name/value pairs; {auth_authen} at MAIL means an authenticated client.
                List<String> kv = MilterCodec.strings(d, 1);
                for (int i = 0; i + 1 < kv.size(); i += 2) {
                    String name = kv.get(i);
                    if (name.equals("{auth_authen}") || name.equals("auth_authen")) st.authUser = kv.get(i + 1);
                }
                return null;
            }
            case MilterCodec.CONNECT -> {
                List<String> host = MilterCodec.strings(d, 0);
                st.clientName = host.isEmpty() ? "" : host.getFirst();
                int pos = 0;
                while (pos < d.length && d[pos] != 0) pos++;
                pos++;
                st.clientAddress = "";
                if (pos < d.length) {
                    byte family = d[pos];
                    if ((family == '4' || family == '6') && pos + 3 <= d.length) {
                        List<String> addr = MilterCodec.strings(d, pos + 3);
                        st.clientAddress = addr.isEmpty() ? "" : addr.getFirst();
                    }
                }
                // Unix-socket or unknown peers cannot be greylisted: let them through at once.
                st.skip = st.clientAddress.isEmpty();
                if (st.clientName.startsWith("[") && st.clientName.endsWith("]")) st.clientName = "";
                return packet(st.skip ? MilterCodec.ACCEPT : MilterCodec.CONTINUE);
            }
            case MilterCodec.HELO -> {
                List<String> h = MilterCodec.strings(d, 0);
                st.helo = h.isEmpty() ? "" : h.getFirst();
                return packet(MilterCodec.CONTINUE);
            }
            case MilterCodec.MAIL -> {
                String auth = st.authUser;
                st.resetMessage();
                st.authUser = auth; // the macros for MAIL arrive just before it
                List<String> args = MilterCodec.strings(d, 0);
                st.sender = args.isEmpty() ? "" : args.getFirst();
                return packet(MilterCodec.CONTINUE);
            }
            case MilterCodec.RCPT -> {
                List<String> args = MilterCodec.strings(d, 0);
                String rcpt = args.isEmpty() ? "" : args.getFirst();
                return decide(st, rcpt);
            }
            case MilterCodec.ABORT -> {
                st.resetMessage();
                return null;
            }
            case MilterCodec.QUIT -> {
                return CLOSE;
            }
            case MilterCodec.QUIT_NC -> {
                Session fresh = new Session();
                st.clientName = fresh.clientName;
                st.clientAddress = fresh.clientAddress;
                st.helo = fresh.helo;
                st.skip = false;
                st.resetMessage();
                return null;
            }
            case MilterCodec.BODY, MilterCodec.EOB, MilterCodec.HEADER, MilterCodec.EOH, MilterCodec.DATA, MilterCodec.UNKNOWN -> {
                return packet(MilterCodec.CONTINUE);
            }
            default -> {
                engine.stats().error("malformed");
                LOG.warn("milter: unknown command 0x{}; closing the connection", Integer.toHexString(p.command() & 255));
                return CLOSE;
            }
        }
    }

    private byte[] decide(Session st, String rcpt) throws IOException {
        if (st.skip) return packet(MilterCodec.CONTINUE);
        Query q = new Query(st.clientAddress, st.clientName, st.helo, st.sender == null ? "" : st.sender, rcpt, st.authUser);
        Verdict v = gate.decide(engine, q);
        QueryLog.log("milter", q, v);
        String text = answers.milterReply(v);
        if (text == null) return packet(MilterCodec.CONTINUE);
        return packet(MilterCodec.REPLYCODE, MilterCodec.cstring(text));
    }

    private static byte[] packet(byte cmd) throws IOException {
        return packet(cmd, new byte[0]);
    }

    private static byte[] packet(byte cmd, byte[] data) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(data.length + 5);
        MilterCodec.write(b, cmd, data);
        return b.toByteArray();
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
