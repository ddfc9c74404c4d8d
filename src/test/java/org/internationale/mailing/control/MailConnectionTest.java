package org.internationale.mailing.control;

import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.internationale.mailing.entity.SendOutcome;
import org.internationale.testing.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How one lane's connection takes each kind of SMTP reply, against a real SMTP conversation. */
class MailConnectionTest {

    private ScriptedSmtpServer server;
    private MailConnection connection;

    @BeforeEach
    void connect() throws Exception {
        server = new ScriptedSmtpServer();
        MailSettings settings = new MailSettings();
        settings.host = Optional.of("127.0.0.1");
        settings.port = server.port();
        settings.user = Optional.empty();
        settings.password = Optional.empty();
        settings.tls = "none";
        settings.from = "news@union.example.org";
        settings.dataDir = "target";
        connection = new MailConnection(settings);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        server.close();
    }

    private SendOutcome send(String to) throws Exception {
        SMTPMessage message = new SMTPMessage(connection.session());
        message.setFrom(new InternetAddress("news@union.example.org"));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
        message.setSubject("test");
        message.setText("hello");
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
    void aConnectionThatBreaksIsATemporaryFailureAndTheNextMessageReconnects() throws Exception {
        assertEquals(SendOutcome.Kind.SENT, send("member@example.org").kind());
        assertEquals(SendOutcome.Kind.TEMPORARY, send("drop-me@example.org").kind());
        assertEquals(SendOutcome.Kind.SENT, send("member2@example.org").kind());
        assertEquals(2, server.connections());
    }
}
