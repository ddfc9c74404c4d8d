package org.internationale.mailing.control;

import javax.net.SocketFactory;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The sockets SMTP connections are made of: Nagle's algorithm off, and a deadline on every write.
 *
 * <p>Nagle: Jakarta Mail writes the end of a message ({@code CRLF.CRLF}) and each command as a small write of its own
 * and then waits for the reply; with Nagle on, that small write waits for the acknowledgement of the previous segment,
 * which the server delays by up to 40 ms (Linux). That capped a kept-open connection at about 17 messages a second
 * however fast everything else was (bench/README.md).
 *
 * <p>Write deadline: a relay that stops reading fills the socket's buffers and a write blocks for ever — reads have
 * {@code mail.smtp.timeout}, writes have nothing in the socket API. Angus Mail's own {@code mail.smtp.writetimeout}
 * schedules a task on an executor of its own for every single write and cancels it afterwards: a lock, a queue and a
 * thread woken several times per message, 7 % of the server's CPU in a campaign (profiled; bench/README.md). Here a
 * write only notes when it began; {@link #closeStalled()}, called once a second ({@link SmtpWriteWatch}), closes any
 * socket whose write has been under way for longer than the timeout, which ends that write with an exception — the
 * same outcome as Angus's timeout, a second later at most. TLS, when configured, is layered over these sockets by
 * Jakarta Mail, so its writes are watched too.
 */
final class SmtpSockets extends SocketFactory {

    private static final Logger LOG = Logger.getLogger(SmtpSockets.class.getName());
    /** {@link WatchedSocket#writeStarted} when no write is under way. */
    private static final long IDLE = Long.MIN_VALUE;

    private final long writeTimeoutNanos;
    private final Set<WatchedSocket> open = ConcurrentHashMap.newKeySet();

    SmtpSockets(Duration writeTimeout) {
        this.writeTimeoutNanos = writeTimeout.toNanos();
    }

    /** The form Jakarta Mail uses: it binds and connects the socket itself, with its connection timeout. */
    @Override
    public Socket createSocket() throws IOException {
        WatchedSocket socket = new WatchedSocket();
        socket.setTcpNoDelay(true);
        open.add(socket);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localAddress, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Closes the sockets whose current write began longer ago than the timeout; how many it closed. */
    int closeStalled() {
        long now = System.nanoTime();
        int closed = 0;
        for (WatchedSocket socket : open) {
            if (socket.isClosed()) {
                // closed without our close(), e.g. by a TLS socket layered over it: nothing left to watch
                open.remove(socket);
                continue;
            }
            long started = socket.writeStarted;
            if (started != IDLE && now - started > writeTimeoutNanos) {
                LOG.warning(() -> "An SMTP write to " + socket.getRemoteSocketAddress() + " made no progress for "
                        + Duration.ofNanos(writeTimeoutNanos).toSeconds() + " s; the connection is closed");
                try {
                    socket.close();
                } catch (IOException e) {
                    LOG.fine(() -> "Closing a stalled SMTP socket: " + e.getMessage());
                }
                closed++;
            }
        }
        return closed;
    }

    /** How many sockets are open: for tests. */
    int open() {
        return open.size();
    }

    private final class WatchedSocket extends Socket {
        /** {@link System#nanoTime()} when the write under way began, or {@link #IDLE}. */
        private volatile long writeStarted = IDLE;

        @Override
        public OutputStream getOutputStream() throws IOException {
            return new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(int b) throws IOException {
                    begin();
                    try {
                        out.write(b);
                    } finally {
                        writeStarted = IDLE;
                    }
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    begin();
                    try {
                        out.write(bytes, offset, length);
                    } finally {
                        writeStarted = IDLE;
                    }
                }
            };
        }

        private void begin() {
            long now = System.nanoTime();
            writeStarted = now == IDLE ? now + 1 : now;
        }

        @Override
        public synchronized void close() throws IOException {
            open.remove(this);
            super.close();
        }
    }
}
