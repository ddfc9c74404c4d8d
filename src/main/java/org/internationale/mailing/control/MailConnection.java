package org.internationale.mailing.control;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.internationale.mailing.entity.SendOutcome;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * One sending lane's way out: a kept-open SMTP connection (opened on first use, reopened after a failure), or the
 * outbox folder when no SMTP server is configured. Not thread-safe: each lane has its own.
 */
public class MailConnection implements AutoCloseable {

    private final MailSettings settings;
    private final Session session;
    private Transport transport;

    public MailConnection(MailSettings settings) {
        this.settings = settings;
        this.session = settings.session();
    }

    public Session session() {
        return session;
    }

    /** Sends {@code message} to {@code recipient} with {@code returnPath} as the envelope sender. */
    public SendOutcome send(SMTPMessage message, String recipient, String returnPath) {
        message.setEnvelopeFrom(returnPath);
        if (!settings.smtp()) {
            return toOutbox(message);
        }
        try {
            if (transport == null || !transport.isConnected()) {
                open();
            }
            transport.sendMessage(message, new Address[]{new InternetAddress(recipient)});
            String reply = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : "sent";
            return SendOutcome.sent(reply == null ? "sent" : reply.strip());
        } catch (SMTPSendFailedException e) {
            return classify(e.getReturnCode(), e.getMessage());
        } catch (SendFailedException e) {
            for (Exception next = e.getNextException(); next != null;
                 next = next instanceof MessagingException m ? m.getNextException() : null) {
                if (next instanceof SMTPAddressFailedException refused) {
                    return classify(refused.getReturnCode(), refused.getMessage());
                }
            }
            close();
            return SendOutcome.temporary(String.valueOf(e.getMessage()));
        } catch (MessagingException e) {
            // no reply code: the connection broke or could not be made; it is reopened for the next message
            close();
            return SendOutcome.temporary(String.valueOf(e.getMessage()));
        }
    }

    private static SendOutcome classify(int code, String message) {
        String reply = String.valueOf(message).strip();
        if (code >= 500) {
            return SendOutcome.permanent(reply);
        }
        return SendOutcome.temporary(reply);
    }

    private void open() throws MessagingException {
        transport = session.getTransport("smtp");
        if (settings.user().isPresent()) {
            transport.connect(settings.host(), settings.port(), settings.user().get(), settings.password());
        } else {
            transport.connect();
        }
    }

    private SendOutcome toOutbox(SMTPMessage message) {
        try {
            Path outbox = settings.outbox();
            Files.createDirectories(outbox);
            String name = System.currentTimeMillis() + "-" + UUID.randomUUID();
            Path partial = outbox.resolve(name + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                message.writeTo(out);
            }
            // a reader of the folder never sees half a message
            Files.move(partial, outbox.resolve(name + ".eml"), StandardCopyOption.ATOMIC_MOVE);
            return SendOutcome.sent("written to the outbox as " + name + ".eml");
        } catch (IOException | MessagingException e) {
            return SendOutcome.temporary("outbox: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // closing a broken connection: nothing to save
            }
            transport = null;
        }
    }
}
