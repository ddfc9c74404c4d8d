package org.internationale.mailing.control;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.AddressException;
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
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * One sending lane's way out: a kept-open SMTP connection (opened on first use, reopened after a failure), or the
 * outbox folder when no SMTP server is configured. Not thread-safe: each lane has its own.
 *
 * <p>A kept-open connection is used without asking first whether it is still there. Jakarta Mail's
 * {@code isConnected()} asks the relay with a {@code NOOP} and waits for its answer — one more round trip per message,
 * a fifth of the SMTP exchange, which the mail benchmark's bare loop never pays (bench/README.md, mail throughput). A relay
 * that hung up between messages (an idle timeout, a limit of messages per connection) shows instead when the next
 * {@code MAIL FROM} gets no answer: the relay cannot have accepted a message whose envelope it never acknowledged, so
 * that message is sent again at once over a new connection, and nothing can arrive twice.
 */
public class MailConnection implements AutoCloseable {

    private final MailSettings settings;
    private final Clock clock;
    private final Session session;
    private EnvelopeWatchingTransport transport;

    /** {@code clock} names the outbox files, which sort by when they were written. */
    public MailConnection(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
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
        Address[] to;
        try {
            to = new Address[]{new InternetAddress(recipient, true)};
        } catch (AddressException e) {
            return SendOutcome.permanent("not a mail address: " + e.getMessage());
        }
        if (transport == null) {
            return openAndDeliver(message, to);
        }
        try {
            return deliver(message, to);
        } catch (MessagingException e) {
            // a reply refusing the message is an answer, not a lost connection
            if (!(e instanceof SendFailedException) && !transport.envelopeAcknowledged()) {
                // the kept-open connection was gone before this message began: a new one, once
                close();
                return openAndDeliver(message, to);
            }
            return failed(e);
        }
    }

    private SendOutcome openAndDeliver(SMTPMessage message, Address[] to) {
        Optional<SendOutcome> unreachable = open();
        if (unreachable.isPresent()) {
            return unreachable.get();
        }
        try {
            return deliver(message, to);
        } catch (MessagingException e) {
            return failed(e);
        }
    }

    private SendOutcome deliver(SMTPMessage message, Address[] to) throws MessagingException {
        transport.sendMessage(message, to);
        String reply = transport.getLastServerResponse();
        return SendOutcome.sent(reply == null ? "sent" : reply.strip());
    }

    private SendOutcome failed(MessagingException failure) {
        if (failure instanceof SMTPSendFailedException refused) {
            return classify(refused.getReturnCode(), refused.getMessage());
        }
        if (failure instanceof SendFailedException addresses) {
            for (Exception next = addresses.getNextException(); next != null;
                 next = next instanceof MessagingException m ? m.getNextException() : null) {
                if (next instanceof SMTPAddressFailedException refused) {
                    return classify(refused.getReturnCode(), refused.getMessage());
                }
            }
        }
        // no reply code: the connection broke; it is reopened for the next message
        close();
        return SendOutcome.temporary(String.valueOf(failure.getMessage()));
    }

    private static SendOutcome classify(int code, String message) {
        String reply = String.valueOf(message).strip();
        if (code >= 500) {
            return SendOutcome.permanent(reply);
        }
        return SendOutcome.temporary(reply);
    }

    /** Opens a connection; when none can be had, why, as the outcome of a message that was never attempted. */
    private Optional<SendOutcome> open() {
        transport = new EnvelopeWatchingTransport(session);
        try {
            if (settings.user().isPresent()) {
                transport.connect(settings.host(), settings.port(), settings.user().get(), settings.password());
            } else {
                transport.connect();
            }
            return Optional.empty();
        } catch (MessagingException e) {
            close();
            return Optional.of(SendOutcome.unreachable(String.valueOf(e.getMessage()).strip()));
        }
    }

    private SendOutcome toOutbox(SMTPMessage message) {
        try {
            Path outbox = settings.outbox();
            Files.createDirectories(outbox);
            String name = clock.millis() + "-" + UUID.randomUUID();
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

    /**
     * Angus Mail's SMTP transport, told whether the relay acknowledged this message's {@code MAIL FROM}: before that,
     * a broken connection cannot have delivered anything.
     */
    private static final class EnvelopeWatchingTransport extends SMTPTransport {
        private boolean envelopeAcknowledged;

        EnvelopeWatchingTransport(Session session) {
            super(session, new URLName("smtp", null, -1, null, null, null));
        }

        @Override
        public synchronized void sendMessage(Message message, Address[] addresses) throws MessagingException {
            envelopeAcknowledged = false;
            super.sendMessage(message, addresses);
        }

        @Override
        protected void mailFrom() throws MessagingException {
            super.mailFrom();
            envelopeAcknowledged = true;
        }

        synchronized boolean envelopeAcknowledged() {
            return envelopeAcknowledged;
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
