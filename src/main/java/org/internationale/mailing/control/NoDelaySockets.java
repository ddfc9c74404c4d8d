package org.internationale.mailing.control;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * Plain sockets with Nagle's algorithm off, for SMTP. Jakarta Mail writes the end of a message ({@code CRLF.CRLF})
 * and each command as a small write of its own and then waits for the reply; with Nagle on, that small write waits
 * for the acknowledgement of the previous segment, which the server delays by up to 40 ms (Linux). That capped a
 * kept-open connection at about 17 messages a second however fast everything else was (bench/README.md). TLS, when
 * configured, is layered over these sockets by Jakarta Mail as before.
 */
final class NoDelaySockets extends SocketFactory {

    private final SocketFactory plain = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(plain.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(plain.createSocket(host, port, localAddress, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(plain.createSocket(host, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
