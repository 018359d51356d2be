package dev.spamward.greylist.client;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The MTA side of the milter protocol, as much as a greylisting query needs: negotiate, connect, HELO,
 * MAIL, RCPT; returns the reply to RCPT. Used by {@code spamward greylist query --proto milter} and tests.
 */
public final class MilterClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    /** One reply: the command letter and its data (text of a reply code, without the NUL). */
    public record Reply(char command, String text) {
    }

    public MilterClient(InetSocketAddress server, int timeoutMillis) throws IOException {
        socket = new Socket();
        socket.connect(server, timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends one packet. */
    public void send(char command, byte[] data) throws IOException {
        int len = data.length + 1;
        byte[] p = new byte[len + 4];
        p[0] = (byte) (len >>> 24);
        p[1] = (byte) (len >>> 16);
        p[2] = (byte) (len >>> 8);
        p[3] = (byte) len;
        p[4] = (byte) command;
        System.arraycopy(data, 0, p, 5, data.length);
        out.write(p);
        out.flush();
    }

    /** Reads one reply packet. */
    public Reply read() throws IOException {
        int len = in.readInt();
        if (len <= 0 || len > 1 << 20) throw new IOException("bad milter reply length " + len);
        char cmd = (char) in.readUnsignedByte();
        byte[] data = new byte[len - 1];
        in.readFully(data);
        int end = data.length;
        while (end > 0 && data[end - 1] == 0) end--;
        return new Reply(cmd, new String(data, 0, end, StandardCharsets.UTF_8));
    }

    /** Runs negotiate, connect, HELO, MAIL FROM, RCPT TO and returns the reply to RCPT (or the earlier non-continue). */
    public Reply query(String clientName, String clientIp, String helo, String sender, String recipient) throws IOException {
        send('O', new byte[] {0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0x03, (byte) 0xff});
        Reply r = read();
        if (r.command() != 'O') throw new IOException("milter negotiation answered '" + r.command() + "'");
        boolean v6 = clientIp.indexOf(':') >= 0;
        byte[] name = cz(clientName);
        byte[] addr = cz(clientIp);
        byte[] connect = new byte[name.length + 3 + addr.length];
        System.arraycopy(name, 0, connect, 0, name.length);
        connect[name.length] = (byte) (v6 ? '6' : '4');
        connect[name.length + 1] = 0;
        connect[name.length + 2] = 25;
        System.arraycopy(addr, 0, connect, name.length + 3, addr.length);
        send('C', connect);
        r = read();
        if (r.command() != 'c') return r;
        send('H', cz(helo));
        r = read();
        if (r.command() != 'c') return r;
        send('M', cz("<" + sender + ">"));
        r = read();
        if (r.command() != 'c') return r;
        send('R', cz("<" + recipient + ">"));
        return read();
    }

    private static byte[] cz(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] o = new byte[b.length + 1];
        System.arraycopy(b, 0, o, 0, b.length);
        return o;
    }

    @Override
    public void close() throws IOException {
        try {
            send('Q', new byte[0]);
        } catch (IOException ignored) {
            // Closing anyway.
        }
        socket.close();
    }
}
