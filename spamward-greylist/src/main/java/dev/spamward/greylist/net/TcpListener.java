package dev.spamward.greylist.net;

import dev.spamward.greylist.engine.Stats;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A {@link StreamListener} on a TCP address; the idle timeout is the socket's read timeout. */
public final class TcpListener extends StreamListener {
    private final ServerSocket server;

    private TcpListener(String name, ServerSocket server, Limits limits, Handler handler, Stats stats) {
        super(name, limits, handler, stats);
        this.server = server;
    }

    /** Binds and starts accepting. */
    public static TcpListener start(String name, InetSocketAddress listen, Limits limits, Handler handler, Stats stats)
            throws IOException {
        TcpListener l = new TcpListener(name, bind(name, listen, 512), limits, handler, stats);
        l.startAccepting();
        return l;
    }

    /** A bound server socket; the error names the service and the address. */
    public static ServerSocket bind(String name, InetSocketAddress listen, int backlog) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        try {
            InetAddress host = listen.isUnresolved() ? InetAddress.getByName(listen.getHostString()) : listen.getAddress();
            ss.bind(new InetSocketAddress(host, listen.getPort()), backlog);
        } catch (IOException e) {
            ss.close();
            throw new IOException("cannot listen for " + name + " on " + listen.getHostString() + ":" + listen.getPort()
                    + ": " + e.getMessage(), e);
        }
        return ss;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    @Override
    protected Accepted accept() throws IOException {
        Socket s = server.accept();
        try {
            s.setSoTimeout(limits.idleMillis());
            s.setTcpNoDelay(true);
            return new Accepted(new Connection(s.getInputStream(), s.getOutputStream(), String.valueOf(s.getRemoteSocketAddress())), s);
        } catch (IOException e) {
            closeQuietly(s);
            throw e;
        }
    }

    @Override
    protected void closeEndpoint() {
        closeQuietly(server);
    }
}
