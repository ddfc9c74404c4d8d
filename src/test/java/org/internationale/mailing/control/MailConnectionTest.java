package org.internationale.mailing.control;

import static org.awaitility.Awaitility.await;
import java.util.concurrent.atomic.AtomicInteger;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.internationale.mailing.entity.SendOutcome;
import org.internationale.testing.ManualClock;
import org.internationale.testing.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How one lane's connection takes each kind of SMTP reply, against a real SMTP conversation. */
class MailConnectionTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-05-01T09:30:00Z"));
    private ScriptedSmtpServer server;
    private MailSettings settings;
    private MailConnection connection;

    @BeforeEach
    void connect() throws Exception {
        server = new ScriptedSmtpServer();
        settings = new MailSettings();
        settings.sockets = new SmtpSockets(Duration.ofMillis(300));
        settings.host = Optional.of("127.0.0.1");
        settings.port = server.port();
        settings.user = Optional.empty();
        settings.password = Optional.empty();
        settings.tls = "none";
        settings.from = "news@union.example.org";
        settings.dataDir = "target";
        connection = new MailConnection(settings, clock);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        server.close();
    }

    private SendOutcome send(String to) throws Exception {
        return send(to, "hello");
    }

    private SendOutcome send(String to, String text) throws Exception {
        SMTPMessage message = new SMTPMessage(connection.session());
        message.setFrom(new InternetAddress("news@union.example.org"));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
        message.setSubject("test");
        message.setText(text);
        message.saveChanges();
        return connection.send(message, to, "bounces+d7-0123456789ab@union.example.org");
    }

    @Test
    void keepsOneConnectionForManyMessagesAndSendsEachWithItsOwnReturnPath() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(SendOutcome.Kind.SENT, send("member" + i + "@example.org").kind());
        }
        assertEquals(1, server.connections());
        assertEquals(5, server.accepted().size());
        assertEquals(0, server.probes(), "no round trip asking whether the kept-open connection is still there");
        assertEquals(List.of("bounces+d7-0123456789ab@union.example.org"), server.envelopeSenders().stream().distinct().toList());
    }

    @Test
    void permanentAndTemporaryRefusalsAreToldApartAndTheConnectionGoesOn() throws Exception {
        SendOutcome rejected = send("reject-me@example.org");
        assertEquals(SendOutcome.Kind.PERMANENT, rejected.kind());
        assertTrue(rejected.reply().contains("550"), rejected.reply());
        SendOutcome later = send("tempfail-me@example.org");
        assertEquals(SendOutcome.Kind.TEMPORARY, later.kind());
        assertTrue(later.reply().contains("451"), later.reply());
        SendOutcome refusedData = send("datafail-me@example.org");
        assertEquals(SendOutcome.Kind.PERMANENT, refusedData.kind());
        assertEquals(SendOutcome.Kind.SENT, send("member@example.org").kind());
        assertEquals(List.of("member@example.org"), server.accepted());
    }

    @Test
    void anAddressThatIsNoMailAddressFailsForGoodWithoutTouchingTheConnection() throws Exception {
        assertEquals(SendOutcome.Kind.SENT, send("member@example.org").kind());
        SMTPMessage message = new SMTPMessage(connection.session());
        message.setFrom(new InternetAddress("news@union.example.org"));
        message.setText("hello");
        message.saveChanges();
        SendOutcome outcome = connection.send(message, "member at example.org", "bounces+d7-0123456789ab@union.example.org");
        assertEquals(SendOutcome.Kind.PERMANENT, outcome.kind(), outcome.reply());
        assertEquals(SendOutcome.Kind.SENT, send("member2@example.org").kind());
        assertEquals(1, server.connections());
    }

    @Test
    void withoutARelayEachMessageIsAFileInTheOutboxNamedByTheClock(@TempDir Path data) throws Exception {
        settings.host = Optional.empty();
        settings.dataDir = data.toString();
        connection.close();
        connection = new MailConnection(settings, clock);
        SendOutcome first = send("member@example.org", "first");
        clock.advance(Duration.ofMillis(1));
        SendOutcome second = send("member2@example.org", "second");

        assertEquals(SendOutcome.Kind.SENT, first.kind(), first.reply());
        assertTrue(first.reply().matches("written to the outbox as 1777627800000-[0-9a-f-]{36}\\.eml"), first.reply());
        assertTrue(second.reply().matches("written to the outbox as 1777627800001-[0-9a-f-]{36}\\.eml"), second.reply());
        List<String> written;
        try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
            written = files.sorted().map(file -> read(file)).toList();
        }
        assertEquals(2, written.size(), "no .part file is left behind: " + written);
        assertTrue(written.get(0).contains("To: member@example.org") && written.get(0).contains("first"), written.get(0));
        assertTrue(written.get(1).contains("To: member2@example.org") && written.get(1).contains("second"), written.get(1));
        assertEquals(0, server.connections(), "nothing went to the relay");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRelayThatCannotBeReachedLeavesTheMessageUnattempted() throws Exception {
        // a port held by a socket that never listens refuses every connection, and nobody else can take it meanwhile
        // (a closed server's port could be bound again by any other test or process before the send)
        try (Socket held = new Socket()) {
            held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            settings.port = held.getLocalPort();
            connection.close();
            connection = new MailConnection(settings, clock);
            SendOutcome outcome = send("member@example.org");
            assertEquals(SendOutcome.Kind.UNREACHABLE, outcome.kind(), outcome.reply());
        }
    }

    @Test
    void aConnectionThatBreaksIsATemporaryFailureAndTheNextMessageReconnects() throws Exception {
        assertEquals(SendOutcome.Kind.SENT, send("member@example.org").kind());
        assertEquals(SendOutcome.Kind.TEMPORARY, send("drop-me@example.org").kind());
        assertEquals(SendOutcome.Kind.SENT, send("member2@example.org").kind());
        assertEquals(2, server.connections());
    }

    @Test
    void aRelayThatHungUpBetweenMessagesIsReplacedAndTheNextMessageGoesAtOnce() throws Exception {
        assertEquals(SendOutcome.Kind.SENT, send("last@example.org").kind());
        // the relay has closed its end; the next MAIL FROM finds it so, before anything of the message was accepted
        await().atMost(Duration.ofSeconds(5)).until(() -> server.sessionsEnded() == 1);
        SendOutcome next = send("member@example.org");
        assertEquals(SendOutcome.Kind.SENT, next.kind(), next.reply());
        assertEquals(List.of("last@example.org", "member@example.org"), server.accepted());
        assertEquals(2, server.connections());
    }

    @Test
    void aRelayThatStopsReadingIsCutOffByTheWriteWatchAndTheNextMessageReconnects() throws Exception {
        assertEquals(SendOutcome.Kind.SENT, send("member@example.org").kind());
        // far more than the socket buffers hold, so that the write blocks once the relay stops reading
        String large = "line of a long newsletter\n".repeat(400_000);
        CompletableFuture<SendOutcome> stalled = CompletableFuture.supplyAsync(() -> {
            try {
                return send("stall-me@example.org", large);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        AtomicInteger closed = new AtomicInteger();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> closed.addAndGet(settings.closeStalledWrites()) > 0);
        assertEquals(1, closed.get(), "the session's stalled connection is found through the settings it was made with");
        SendOutcome outcome = stalled.get(30, TimeUnit.SECONDS);
        assertEquals(SendOutcome.Kind.TEMPORARY, outcome.kind(), outcome.reply());
        assertEquals(SendOutcome.Kind.SENT, send("member2@example.org").kind());
        assertEquals(List.of("member@example.org", "member2@example.org"), server.accepted());
        assertEquals(2, server.connections(), "the stalled connection was dropped and a new one made");
    }
}
