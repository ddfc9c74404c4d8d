package org.internationale.mailing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.internationale.api.entity.DescribedProblem;
import org.internationale.mailing.entity.Mail;
import org.internationale.mailing.entity.SendOutcome;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.logging.Logger;

/**
 * Sends one mail now that someone asked for without logging in — a confirmation link, "you are subscribed already"
 * — by SMTP or into the outbox folder, DKIM-signed when a key is configured, within the {@link DailyMailCap} of its
 * address. CampaignPlanner do not come through here (they go through the delivery ledger's lanes), nor do editors' test
 * sends. Errors never name the address: they end up in logs.
 */
@ApplicationScoped
public class Mailer {

    @Inject
    MailSettings settings;

    @Inject
    DkimSigning dkim;

    @Inject
    Clock clock;

    @Inject
    DailyMailCap cap;

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    /** @return false when the address has had its daily share and the mail was not sent; the caller answers as usual */
    public boolean send(Mail mail) {
        if (!cap.take(mail.to())) {
            LOG.info("An address reached its daily cap of mails sent on request; one was not sent");
            return false;
        }
        try (MailConnection connection = new MailConnection(settings, clock)) {
            MimeMessage message = message(connection.session(), mail);
            SendOutcome outcome = connection.send(dkim.sign(message), mail.to(), settings.bounceAddress().getAddress());
            if (outcome.kind() != SendOutcome.Kind.SENT) {
                throw new MailNotSent(outcome.reply());
            }
        } catch (MessagingException e) {
            throw new MailNotSent(e.getMessage());
        }
        return true;
    }

    MimeMessage message(Session session, Mail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(settings.from());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.setHeader("Content-Language", mail.language());
        for (var header : mail.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        if (mail.html() == null) {
            message.setText(mail.text(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setContent(mail.html(), "text/html; charset=UTF-8");
            message.setContent(new MimeMultipart("alternative", text, html));
        }
        message.saveChanges();
        return message;
    }

    /** SMTP refused or could not be reached. The relay's reply is kept out: replies quote the recipient. */
    public static class MailNotSent extends RuntimeException implements DescribedProblem {
        public MailNotSent(String reason) {
            super("a mail was not sent: " + Mail.withoutAddresses(reason));
        }

        @Override
        public int status() {
            return 503;
        }

        @Override
        public String title() {
            return "Mail not sent";
        }

        /** The client hears what to do; the relay's reason stays in the log. */
        @Override
        public String detail() {
            return "The confirmation mail could not be sent just now; nothing was stored. Please try again in a few minutes.";
        }
    }
}
