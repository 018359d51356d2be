package dev.spamward.greylist.net;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * One accepted stream connection as the protocol handlers see it, whatever the transport.
 *
 * @param in   bytes from the client
 * @param out  bytes to the client
 * @param peer the client, for logs ({@code /192.0.2.1:40000} or {@code unix:/path})
 */
public record Connection(InputStream in, OutputStream out, String peer) {
}
