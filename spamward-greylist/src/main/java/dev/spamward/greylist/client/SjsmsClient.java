package dev.spamward.greylist.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A client for grossd's sjsms UDP protocol, message type 2 (what {@code tools/sjsms_query.py} does). */
public final class SjsmsClient {
    private SjsmsClient() {
    }

    /** Builds a type-2 query datagram. */
    public static byte[] query(String sender, String recipient, String clientIp, String helo) {
        String q = "sender=" + sender + "\nrecipient=" + recipient + "\nclient_address=" + clientIp
                + (helo == null || helo.isEmpty() ? "" : "\nhelo_name=" + helo) + "\n\n";
        byte[] text = q.getBytes(StandardCharsets.UTF_8);
        byte[] d = new byte[4 + text.length];
        d[1] = 2;
        d[2] = (byte) (text.length >>> 8);
        d[3] = (byte) text.length;
        System.arraycopy(text, 0, d, 4, text.length);
        return d;
    }

    /**
     * Sends {@code datagram} and returns the final reply text, skipping a {@code P} (progress) reply; waits
     * {@code timeoutMillis} for each reply (the OCMS plugin waits 2 s, 10 s after a P).
     */
    public static String ask(InetSocketAddress server, byte[] datagram, int timeoutMillis) throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(server.getAddress().isLoopbackAddress()
                ? server.getAddress() : null, 0))) {
            s.setSoTimeout(timeoutMillis);
            s.send(new DatagramPacket(datagram, datagram.length, server));
            byte[] buf = new byte[2048];
            while (true) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    s.receive(p);
                } catch (SocketTimeoutException e) {
                    throw new IOException("no sjsms answer from " + server + " within " + timeoutMillis + " ms");
                }
                String reply = new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
                if (!reply.equals("P")) return reply;
            }
        }
    }
}
