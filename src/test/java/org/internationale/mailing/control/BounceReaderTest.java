package org.internationale.mailing.control;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BounceReaderTest {

    private static MimeMessage raw(String text) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void findsTheRecipientStatusInAnRfc3464Report() throws Exception {
        MimeMessage report = raw("""
                From: MAILER-DAEMON@mx.example.org
                To: bounces+d150-0123456789ab@news.example.org
                Subject: Delivery Status Notification (Failure)
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="xyz"

                --xyz
                Content-Type: text/plain

                Your message could not be delivered.

                --xyz
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.org
                Arrival-Date: Thu, 26 Nov 2026 09:00:00 +0000

                Final-Recipient: rfc822; gone@example.org
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <gone@example.org>: Recipient address rejected

                --xyz
                Content-Type: text/rfc822-headers

                Message-ID: <campaign-1.subscriber-2@news.example.org>

                --xyz--
                """);
        Optional<InternetHeaders> status = BounceReader.deliveryStatus(report);
        assertTrue(status.isPresent());
        assertEquals("5.1.1", status.get().getHeader("Status", null).strip());
        assertEquals("failed", status.get().getHeader("Action", null).strip());
    }

    @Test
    void aPlainTextBounceHasNoMachineReadableStatus() throws Exception {
        MimeMessage plain = raw("""
                From: postmaster@old.example.org
                To: bounces+d150-0123456789ab@news.example.org
                Subject: returned mail
                Content-Type: text/plain

                Sorry, I could not deliver your mail.
                """);
        assertTrue(BounceReader.deliveryStatus(plain).isEmpty());
    }
}
