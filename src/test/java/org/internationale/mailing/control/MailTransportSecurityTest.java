package org.internationale.mailing.control;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.internationale.mailing.entity.SendOutcome;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.internationale.testing.ScriptedSmtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code SMTP_TLS}: a real TLS handshake with a relay that speaks TLS from the first byte ({@code tls}) or upgrades
 * with STARTTLS ({@code starttls}), over the application's own sockets (Nagle off, writes watched), and no mail in
 * clear text to a relay that cannot upgrade. {@code SMTP_USER} / {@code SMTP_PASSWORD}: SMTP AUTH with a relay
 * (GreenMail) that knows the account. The relay's certificate is made for 127.0.0.1 by the JDK's keytool for
 * this run; the client trusts that host as an operator would trust an internal relay's certificate.
 */
class MailTransportSecurityTest {

    private static final char[] PASSWORD = "relay-secret".toCharArray();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-01T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path keys;

    private static SSLContext relayTls;

    private AutoCloseable server;
    private MailConnection connection;

    @BeforeAll
    static void relayCertificate() throws Exception {
        Path store = keys.resolve("relay.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "relay", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool: " + output);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, PASSWORD);
        relayTls = SSLContext.getInstance("TLS");
        relayTls.init(keyManagers.getKeyManagers(), null, null);
    }

    @AfterEach
    void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
        server.close();
    }

    /** A connection to {@code relay} with {@code SMTP_TLS} set to {@code tls}, not yet opened; its settings. */
    private MailSettings connectTo(ScriptedSmtpServer relay, String tls) {
        server = relay;
        MailSettings settings = settings(tls, relay.port());
        connection = new MailConnection(settings, CLOCK);
        return settings;
    }

    private MailSettings settings(String tls, int port) {
        MailSettings settings = new MailSettings() {
            @Override
            public Session session() {
                Session session = super.session();
                session.getProperties().put("mail.smtp.ssl.trust", "127.0.0.1");
                return session;
            }
        };
        settings.sockets = new SmtpSockets(Duration.ofSeconds(60));
        settings.host = Optional.of("127.0.0.1");
        settings.port = port;
        settings.user = Optional.empty();
        settings.password = Optional.empty();
        settings.tls = tls;
        settings.from = "news@union.example.org";
        settings.dataDir = "target";
        return settings;
    }

    private SendOutcome send(String to) throws Exception {
        SMTPMessage message = new SMTPMessage(connection.session());
        message.setFrom(new InternetAddress("news@union.example.org"));
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
        message.setSubject("strike alert");
        message.setText("hello");
        message.saveChanges();
        return connection.send(message, to, "bounces+d7-0123456789ab@union.example.org");
    }

    @Test
    void tlsFromTheFirstByteCarriesEveryMessageOverTheApplicationsOwnSocket() throws Exception {
        ScriptedSmtpServer relay = ScriptedSmtpServer.withImplicitTls(relayTls);
        MailSettings settings = connectTo(relay, "tls");
        assertEquals(SendOutcome.Kind.SENT, send("member1@example.org").kind());
        assertEquals(SendOutcome.Kind.SENT, send("member2@example.org").kind());
        assertEquals(List.of("member1@example.org", "member2@example.org"), relay.acceptedOverTls());
        assertEquals(1, relay.connections());
        assertEquals(1, settings.sockets.open(), "TLS is layered over a socket of SmtpSockets, whose writes are watched");
    }

    @Test
    void startTlsUpgradesTheConnectionBeforeTheEnvelope() throws Exception {
        ScriptedSmtpServer relay = ScriptedSmtpServer.withStartTls(relayTls);
        MailSettings settings = connectTo(relay, "starttls");
        SendOutcome outcome = send("member@example.org");
        assertEquals(SendOutcome.Kind.SENT, outcome.kind(), outcome.reply());
        assertEquals(List.of("member@example.org"), relay.acceptedOverTls());
        assertEquals(1, settings.sockets.open());
    }

    @Test
    void aRelayThatCannotUpgradeGetsNoMailInClearTextWhenStartTlsIsConfigured() throws Exception {
        ScriptedSmtpServer relay = new ScriptedSmtpServer();
        connectTo(relay, "starttls");
        SendOutcome outcome = send("member@example.org");
        assertEquals(SendOutcome.Kind.UNREACHABLE, outcome.kind(), outcome.reply());
        assertEquals(List.of(), relay.envelopeSenders(), "not even the envelope went out in clear text");
        assertEquals(List.of(), relay.accepted());
    }

    /** GreenMail as a relay that knows one account, and a connection to it logging in with {@code password}. */
    private GreenMail relayWithAccountLoggingInWith(String password) {
        GreenMail relay = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        relay.start();
        relay.setUser("news@union.example.org", "relay-user", "relay-password");
        server = relay::stop;
        MailSettings settings = settings("none", relay.getSmtp().getPort());
        settings.user = Optional.of("relay-user");
        settings.password = Optional.of(password);
        connection = new MailConnection(settings, CLOCK);
        return relay;
    }

    @Test
    void theConfiguredAccountLogsInAndTheMessageGoes() throws Exception {
        GreenMail relay = relayWithAccountLoggingInWith("relay-password");
        SendOutcome outcome = send("member@example.org");
        assertEquals(SendOutcome.Kind.SENT, outcome.kind(), outcome.reply());
        assertEquals(1, relay.getReceivedMessages().length);
    }

    @Test
    void aWrongPasswordSendsNothingAndCountsAsTheRelayNotReachable() throws Exception {
        GreenMail relay = relayWithAccountLoggingInWith("not-the-password");
        SendOutcome outcome = send("member@example.org");
        assertEquals(SendOutcome.Kind.UNREACHABLE, outcome.kind(), "the message was never attempted: " + outcome.reply());
        assertEquals(0, relay.getReceivedMessages().length);
    }
}
