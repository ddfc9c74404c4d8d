package org.internationale.mailing.control;

import static org.awaitility.Awaitility.await;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The write deadline of SMTP sockets, against a real peer over the loopback interface. */
class SmtpSocketsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final SmtpSockets sockets = new SmtpSockets(TIMEOUT);
    private ServerSocket server;
    private Socket peer;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        if (peer != null) {
            peer.close();
        }
        server.close();
    }

    /** A connection made the way Jakarta Mail makes it: an unconnected socket from the factory, then connect. */
    private Socket connect() throws IOException {
        Socket socket = sockets.createSocket();
        socket.setSendBufferSize(4096);
        socket.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 5_000);
        peer = server.accept();
        assertTrue(socket.getTcpNoDelay(), "Nagle's algorithm is off");
        return socket;
    }

    @Test
    void aWriteThePeerNeverTakesIsEndedByClosingTheConnection() throws Exception {
        Socket socket = connect();
        OutputStream out = socket.getOutputStream();
        // the peer reads nothing: once the buffers on both sides are full, the write blocks
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int i = 0; i < 1024; i++) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        AtomicInteger closed = new AtomicInteger();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> closed.addAndGet(sockets.closeStalled()) > 0);
        assertEquals(1, closed.get(), "the stalled connection is closed");
        ExecutionException failed = assertThrows(ExecutionException.class, () -> writing.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failed.getCause().getCause(), "the blocked write ends with an I/O error");
        assertTrue(socket.isClosed());
        assertEquals(0, sockets.open(), "a closed socket is no longer watched");
    }

    @Test
    void anIdleConnectionBetweenMessagesIsLeftOpen() throws Exception {
        Socket socket = connect();
        byte[] hello = "EHLO union.example.org\r\n".getBytes(StandardCharsets.US_ASCII);
        socket.getOutputStream().write(hello);
        // the watch is asked again and again for twice its timeout: no write is under way, however long ago the last one was
        await().during(TIMEOUT.multipliedBy(2)).atMost(TIMEOUT.multipliedBy(3)).until(() -> sockets.closeStalled() == 0);
        socket.getOutputStream().write(hello);
        InputStream in = peer.getInputStream();
        assertArrayEquals(hello, in.readNBytes(hello.length));
        assertArrayEquals(hello, in.readNBytes(hello.length));
        assertEquals(1, sockets.open());
        socket.close();
        assertEquals(0, sockets.open());
    }

    @Test
    void theConnectingFormsConnectAndAreWatchedToo() throws Exception {
        try (Socket socket = sockets.createSocket(server.getInetAddress(), server.getLocalPort())) {
            peer = server.accept();
            assertTrue(socket.isConnected());
            assertTrue(socket.getTcpNoDelay());
            assertEquals(1, sockets.open());
        }
        assertEquals(0, sockets.open());
    }
}
