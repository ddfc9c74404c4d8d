package org.internationale.mailing.control;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.internationale.mailing.entity.BounceReport;
import org.internationale.mailing.entity.UnsubscribeMailed;
import org.internationale.system.control.SharedSecrets;
import org.internationale.testing.RecordingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code BOUNCE_MAILBOX} over POP3 (the integration tests read it over IMAP): a real POP3 server (GreenMail) holding a
 * delivery status report, a mail to the mailto unsubscribe address and a person's letter. The mailbox's reading,
 * parsing and VERP checks are the application's; only what the ledger and the subscriber list would do with a report
 * is recorded here instead of stored.
 */
class BounceMailboxTest {

    private GreenMail pop3;
    private GreenMailUser bounces;
    private BounceMailbox mailbox;
    private Verp verp;
    private final List<String> recorded = new ArrayList<>();
    private final RecordingEvent<UnsubscribeMailed> unsubscribes = new RecordingEvent<>();

    @BeforeEach
    void mailbox() {
        pop3 = new GreenMail(ServerSetupTest.POP3.dynamicPort());
        pop3.start();
        bounces = pop3.setUser("bounces@union.example.org", "bounces", "bounce-secret");

        MailSettings settings = new MailSettings();
        settings.host = Optional.empty();
        settings.user = Optional.empty();
        settings.password = Optional.empty();
        settings.tls = "none";
        settings.from = "news@union.example.org";
        settings.bounceAddress = Optional.empty();
        verp = new Verp();
        verp.settings = settings;
        verp.secrets = new SharedSecrets() {
            @Override
            public byte[] secret(String name) {
                byte[] key = new byte[32];
                Arrays.fill(key, (byte) 7);
                return key;
            }
        };
        mailbox = new BounceMailbox();
        mailbox.mailbox = Optional.of("pop3://bounces:bounce-secret@127.0.0.1:" + pop3.getPop3().getPort() + "/INBOX");
        mailbox.settings = settings;
        mailbox.reader = new BounceReader();
        mailbox.reader.verp = verp;
        mailbox.recorder = new BounceRecorder() {
            @Override
            public void record(String reportId, BounceReport bounce) {
                recorded.add(reportId + " " + bounce.deliveryId() + " " + bounce.hard() + " " + bounce.status());
            }
        };
        mailbox.unsubscribes = unsubscribes;
    }

    @AfterEach
    void stop() {
        pop3.stop();
    }

    private void deliver(String text) throws Exception {
        bounces.deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8))));
    }

    /** A delivery status report (RFC 3464) saying that mail to a subscriber failed for good, sent to {@code to}. */
    private void deliverReport(String to) throws Exception {
        deliver(String.format(Locale.ROOT, """
                From: MAILER-DAEMON@mx.example.org
                To: %s
                Message-ID: <report-1@mx.example.org>
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                The mail system could not deliver your message.

                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.org

                Final-Recipient: rfc822; gone@example.org
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 user unknown

                --b--
                """, to));
    }

    @Test
    void reportsAndUnsubscribesAreHandledAndDeletedWhileAPersonsLetterStays() throws Exception {
        deliverReport(verp.returnPath(150));
        deliver(String.format(Locale.ROOT, """
                From: member@example.org
                To: %s
                Subject: unsubscribe

                unsubscribe
                """, verp.unsubscribeAddress(42)));
        deliver("""
                From: organiser@example.org
                To: bounces@union.example.org
                Subject: a question about the newsletter

                Who do I write to about the strike fund?
                """);

        assertEquals(2, mailbox.check());
        assertEquals(List.of("<report-1@mx.example.org> 150 true 5.1.1"), recorded);
        assertEquals(List.of(new UnsubscribeMailed(42L)), unsubscribes.fired);
        MimeMessage[] remaining = pop3.getReceivedMessages();
        assertEquals(1, remaining.length, "only the person's letter is left for a person to read");
        assertEquals("a question about the newsletter", remaining[0].getSubject());

        assertEquals(0, mailbox.check(), "handled messages were deleted, not read again");
        assertEquals(1, recorded.size());
    }

    @Test
    void aReportToAForgedBounceAddressIsNotCounted() throws Exception {
        deliverReport("bounces+d150-000000000000@union.example.org");
        assertEquals(0, mailbox.check());
        assertEquals(List.of(), recorded);
        assertEquals(1, pop3.getReceivedMessages().length);
    }
}
