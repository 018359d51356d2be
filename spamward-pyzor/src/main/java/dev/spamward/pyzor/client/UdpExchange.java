package dev.spamward.pyzor.client;

import dev.spamward.pyzor.protocol.PyzorProtocolException;
import dev.spamward.pyzor.protocol.PyzorRequest;
import dev.spamward.pyzor.protocol.PyzorResponse;
import dev.spamward.pyzor.protocol.ThreadIds;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * One request/reply exchange over UDP on a fresh connected socket (so only the server's datagrams are
 * seen), with a per-attempt timeout and resends of the same datagram. Replies are size-checked, parsed and
 * matched to the request's thread.
 */
final class UdpExchange {
    /** Thrown when no reply came in time. */
    static final class TimeoutException extends Exception {
        private static final long serialVersionUID = 1L;

        TimeoutException(String message) {
            super(message);
        }
    }

    private UdpExchange() {
    }

    static PyzorResponse exchange(InetSocketAddress address, PyzorRequest request, Duration timeout, int attempts)
            throws IOException, PyzorProtocolException, TimeoutException {
        byte[] out = request.encode();
        byte[] buf = new byte[PyzorResponse.MAX_PACKET + 1];
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(address);
            for (int attempt = 1; ; attempt++) {
                socket.send(new DatagramPacket(out, out.length));
                long deadline = System.nanoTime() + timeout.toNanos();
                try {
                    DatagramPacket in = receive(socket, buf, deadline);
                    PyzorResponse response = PyzorResponse.parse(buf, in.getLength());
                    if (response.thread() != request.thread() && response.thread() >= ThreadIds.MIN_OK) {
                        throw new PyzorProtocolException("reply for thread " + response.thread() + ", expected " + request.thread());
                    }
                    return response;
                } catch (SocketTimeoutException e) {
                    if (attempt >= attempts) {
                        throw new TimeoutException("no reply within " + timeout.toMillis() + " ms"
                                + (attempts > 1 ? " (" + attempts + " attempts)" : ""));
                    }
                }
            }
        }
    }

    private static DatagramPacket receive(DatagramSocket socket, byte[] buf, long deadline) throws IOException, PyzorProtocolException {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        DatagramPacket in = new DatagramPacket(buf, buf.length);
        socket.receive(in);
        if (in.getLength() > PyzorResponse.MAX_PACKET) {
            throw new PyzorProtocolException("reply larger than " + PyzorResponse.MAX_PACKET + " bytes");
        }
        return in;
    }
}
