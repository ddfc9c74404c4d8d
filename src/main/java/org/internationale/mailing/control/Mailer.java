package org.internationale.mailing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.internationale.mailing.entity.Mail;
import org.internationale.system.control.DatabaseSettings;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/** Sends one mail now, by SMTP or into the outbox folder. */
@ApplicationScoped
public class Mailer {

    @Inject
    @ConfigProperty(name = "SMTP_HOST")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "SMTP_PORT", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "SMTP_USER")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "SMTP_PASSWORD")
    Optional<String> password;

    /** {@code none}, {@code starttls} (upgrade a plain connection) or {@code tls} (TLS from the first byte). */
    @Inject
    @ConfigProperty(name = "SMTP_TLS", defaultValue = "none")
    String tls;

    @Inject
    @ConfigProperty(name = "MAIL_FROM", defaultValue = "Internationale <no-reply@localhost>")
    String from;

    @Inject
    @ConfigProperty(name = DatabaseSettings.DATA_DIR)
    String dataDir;

    @Inject
    Clock clock;

    public void send(Mail mail) {
        try {
            Session session = session();
            MimeMessage message = message(session, mail);
            if (host.filter(h -> !h.isBlank()).isPresent()) {
                if (user.isPresent()) {
                    Transport.send(message, user.get(), password.orElse(""));
                } else {
                    Transport.send(message);
                }
            } else {
                Path outbox = Path.of(dataDir).resolve("outbox");
                Files.createDirectories(outbox);
                Path file = outbox.resolve(clock.instant().toEpochMilli() + "-" + UUID.randomUUID() + ".eml");
                try (OutputStream out = Files.newOutputStream(file)) {
                    message.writeTo(out);
                }
            }
        } catch (MessagingException e) {
            throw new MailNotSent(mail.to(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.orElse("localhost"));
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        properties.put("mail.smtp.auth", Boolean.toString(user.isPresent()));
        switch (tls.toLowerCase(Locale.ROOT)) {
            case "starttls" -> {
                properties.put("mail.smtp.starttls.enable", "true");
                properties.put("mail.smtp.starttls.required", "true");
            }
            case "tls" -> properties.put("mail.smtp.ssl.enable", "true");
            default -> {
                // plain SMTP, e.g. to a local relay
            }
        }
        return Session.getInstance(properties);
    }

    MimeMessage message(Session session, Mail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
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

    /** SMTP refused or could not be reached. */
    public static class MailNotSent extends RuntimeException {
        public MailNotSent(String to, Exception cause) {
            super("mail to " + to + " was not sent: " + cause.getMessage(), cause);
        }
    }
}
