package dev.spamward.greylist.milter;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The milter wire format (Sendmail libmilter protocol version 6): every packet is a 4-byte big-endian
 * length (counting the command byte), one command byte and {@code length - 1} bytes of data; strings are
 * NUL-terminated.
 */
final class MilterCodec {
    // Commands from the MTA.
    static final byte ABORT = 'A', BODY = 'B', CONNECT = 'C', MACRO = 'D', EOB = 'E', HELO = 'H', QUIT_NC = 'K',
            HEADER = 'L', MAIL = 'M', EOH = 'N', OPTNEG = 'O', QUIT = 'Q', RCPT = 'R', DATA = 'T', UNKNOWN = 'U';
    // Replies to the MTA.
    static final byte CONTINUE = 'c', ACCEPT = 'a', TEMPFAIL = 't', REJECT = 'r', REPLYCODE = 'y';

    /** Protocol steps the greylister does not need; asked to be skipped when the MTA offers it. */
    static final int SKIP_STEPS = 0x10 /* NOBODY */ | 0x20 /* NOHDRS */ | 0x40 /* NOEOH */ | 0x100 /* NOUNKNOWN */
            | 0x200 /* NODATA */;
    static final int VERSION = 6;

    /** One packet. */
    record Packet(byte command, byte[] data) {
    }

    /** Thrown for a packet that is too large or empty; the connection is closed. */
    static final class BadPacket extends IOException {
        private static final long serialVersionUID = 1L;

        BadPacket(String message) {
            super(message);
        }
    }

    private MilterCodec() {
    }

    /** Reads one packet, or null at a clean end of stream. */
    static Packet read(DataInputStream in, long maxPacket) throws IOException {
        int b0 = in.read();
        if (b0 < 0) return null;
        int len = (b0 << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
        if (len <= 0 || len > maxPacket) throw new BadPacket("milter packet length " + Integer.toUnsignedString(len)
                + " outside 1.." + maxPacket);
        byte cmd = in.readByte();
        // Read as the bytes arrive rather than into an array of the announced size: a client that announces
        // 64 KiB and sends nothing must not hold 64 KiB (2,000 such connections ran the heap out of memory).
        byte[] data = in.readNBytes(len - 1);
        if (data.length < len - 1) throw new EOFException("milter packet ended after " + data.length + " of " + (len - 1) + " bytes");
        return new Packet(cmd, data);
    }

    /** Writes one packet (not flushed). */
    static void write(OutputStream out, byte command, byte[] data) throws IOException {
        int len = data.length + 1;
        out.write(new byte[] {(byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len, command});
        out.write(data);
    }

    /** NUL-terminated strings of {@code data} from {@code offset} (a missing final NUL is tolerated). */
    static List<String> strings(byte[] data, int offset) {
        List<String> out = new ArrayList<>();
        int start = offset;
        for (int i = offset; i < data.length; i++) {
            if (data[i] == 0) {
                out.add(new String(data, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < data.length) out.add(new String(data, start, data.length - start, StandardCharsets.UTF_8));
        return out;
    }

    static int u32(byte[] d, int off) throws EOFException {
        if (d.length < off + 4) throw new EOFException("short milter packet");
        return ((d[off] & 255) << 24) | ((d[off + 1] & 255) << 16) | ((d[off + 2] & 255) << 8) | (d[off + 3] & 255);
    }

    static byte[] u32s(int... values) {
        byte[] b = new byte[values.length * 4];
        for (int i = 0; i < values.length; i++) {
            b[4 * i] = (byte) (values[i] >>> 24);
            b[4 * i + 1] = (byte) (values[i] >>> 16);
            b[4 * i + 2] = (byte) (values[i] >>> 8);
            b[4 * i + 3] = (byte) values[i];
        }
        return b;
    }

    /** A NUL-terminated string. */
    static byte[] cstring(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }
}
