package org.internationale.bench.search;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One kept-open HTTP/1.1 connection, one request at a time, as wrk's connections are: the request's bytes are written
 * and the response read on the calling thread, nothing else. The JDK's {@code HttpClient} hands each exchange to its
 * selector thread and back (two thread switches per request on a two-core machine that also runs the server); its cost
 * would be in every API latency the benchmark reports — about a quarter of the empty-query floor.
 * Content-Length and chunked bodies; anything else is an error, so a misread response cannot pass as fast.
 */
final class KeepAliveClient implements AutoCloseable {

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    KeepAliveClient(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    record Response(int status, String body) {
    }

    /**
     * GET of a path with its query, already encoded. A kept-open connection the server has closed meanwhile is opened
     * again and the request sent once more; nothing else is retried — a timeout or a malformed answer on a fresh
     * connection is an error, never a slow request counted as one that succeeded.
     */
    Response get(String pathAndQuery) throws IOException {
        byte[] request = ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        boolean reused = socket != null;
        if (!reused) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return read();
        } catch (SocketTimeoutException e) {
            close();
            throw e;
        } catch (IOException closed) {
            close();
            if (!reused) {
                throw closed;
            }
            connect();
            out.write(request);
            out.flush();
            return read();
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    }

    private Response read() throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 response: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                body.write(in.readNBytes(size));
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            byte[] bytes = in.readNBytes((int) length);
            if (bytes.length != length) {
                throw new IOException("response ended after " + bytes.length + " of " + length + " bytes");
            }
            body.write(bytes);
        } else {
            throw new IOException("response without Content-Length or chunked body");
        }
        if (closing) {
            close();
        }
        return new Response(code, body.toString(StandardCharsets.UTF_8));
    }

    /** A chunk's size line: hexadecimal, extensions after ';' ignored. */
    private int chunkSize() throws IOException {
        return Integer.parseInt(line().split(";")[0].strip(), 16);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection that is gone already
            }
            socket = null;
        }
    }
}
