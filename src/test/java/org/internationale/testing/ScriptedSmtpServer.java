package org.internationale.testing;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server (RFC 5321 over a socket) that answers by recipient, to see how the sender takes each reply:
 * {@code reject…@} gets 550 at RCPT, {@code tempfail…@} 451 at RCPT, {@code datafail…@} 554 after DATA, and for
 * {@code drop…@} the server hangs up without a word, as a crashing relay would; for {@code stall…@} it answers DATA
 * and then reads nothing more, as a relay that hangs would; after accepting a message for {@code last…@} it hangs up,
 * as a relay with a limit of messages per connection does. Everyone else is accepted. Records connections, envelope
 * senders, accepted recipients and how often the client asked whether the connection is alive ({@code NOOP},
 * {@code RSET}).
 *
 * <p>With a TLS context it speaks TLS as a relay would: {@link #withStartTls} offers {@code STARTTLS} (RFC 3207) and
 * upgrades the connection in place, {@link #withImplicitTls} speaks TLS from the first byte (RFC 8314). Messages
 * accepted over TLS are recorded apart.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger sessionsEnded = new AtomicInteger();
    private final List<String> envelopeSenders = new CopyOnWriteArrayList<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger probes = new AtomicInteger();
    private final List<String> acceptedOverTls = new CopyOnWriteArrayList<>();
    /** Offers STARTTLS with this context; null for a relay without it. */
    private final SSLContext startTls;

    public ScriptedSmtpServer() throws IOException {
        this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), null);
    }

    public static ScriptedSmtpServer withStartTls(SSLContext tls) throws IOException {
        return new ScriptedSmtpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), tls);
    }

    public static ScriptedSmtpServer withImplicitTls(SSLContext tls) throws IOException {
        return new ScriptedSmtpServer(tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()), null);
    }

    private ScriptedSmtpServer(ServerSocket socket, SSLContext startTls) {
        this.socket = socket;
        this.startTls = startTls;
        acceptor = new Thread(this::accept, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Sessions this server has ended, by its own hang-up or the client's. */
    public int sessionsEnded() {
        return sessionsEnded.get();
    }

    public int connections() {
        return connections.get();
    }

    public List<String> envelopeSenders() {
        return envelopeSenders;
    }

    /** The recipients of messages accepted over a TLS connection. */
    public List<String> acceptedOverTls() {
        return acceptedOverTls;
    }

    public int probes() {
        return probes.get();
    }

    public List<String> accepted() {
        return accepted;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                clients.add(client);
                Thread session = new Thread(() -> converse(client), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        Socket current = client;
        try {
            BufferedReader in = reader(current);
            OutputStream out = current.getOutputStream();
            reply(out, "220 scripted ESMTP");
            String sender = null;
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                boolean secure = current instanceof SSLSocket;
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, startTls != null && !secure ? "250-scripted\r\n250 STARTTLS" : "250 scripted");
                } else if (command.equals("STARTTLS") && startTls != null && !secure) {
                    reply(out, "220 2.0.0 ready to start TLS");
                    SSLSocket upgraded = (SSLSocket) startTls.getSocketFactory().createSocket(current, null, current.getPort(), true);
                    upgraded.setUseClientMode(false);
                    upgraded.startHandshake();
                    current = upgraded;
                    clients.add(current);
                    in = reader(current);
                    out = current.getOutputStream();
                    // RFC 3207: nothing said before the handshake counts after it
                    sender = null;
                    recipient = null;
                } else if (command.startsWith("MAIL FROM:")) {
                    sender = line.substring(10).replaceAll("[<>]", "").strip();
                    reply(out, "250 2.1.0 ok");
                } else if (command.startsWith("RCPT TO:")) {
                    recipient = line.substring(8).replaceAll("[<>]", "").strip();
                    if (recipient.startsWith("drop")) {
                        return;
                    }
                    if (recipient.startsWith("reject")) {
                        reply(out, "550 5.1.1 no such user");
                    } else if (recipient.startsWith("tempfail")) {
                        reply(out, "451 4.3.0 try again later");
                    } else {
                        reply(out, "250 2.1.5 ok");
                    }
                } else if (command.equals("DATA")) {
                    reply(out, "354 go ahead");
                    if (recipient != null && recipient.startsWith("stall")) {
                        // nothing more is read: the sender's writes fill the buffers and block, until it gives up
                        while (!client.isClosed()) {
                            Thread.sleep(20);
                        }
                        return;
                    }
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message itself does not matter here
                    }
                    if (recipient != null && recipient.startsWith("datafail")) {
                        reply(out, "554 5.6.0 message refused");
                    } else {
                        envelopeSenders.add(sender);
                        accepted.add(recipient);
                        if (secure) {
                            acceptedOverTls.add(recipient);
                        }
                        reply(out, "250 2.0.0 queued");
                        if (recipient.startsWith("last")) {
                            return;
                        }
                    }
                } else if (command.equals("RSET") || command.equals("NOOP")) {
                    probes.incrementAndGet();
                    reply(out, "250 ok");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away, or its TLS handshake failed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                current.close();
                client.close();
            } catch (IOException e) {
                // closing a connection that is gone
            }
            sessionsEnded.incrementAndGet();
        }
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
