package org.internationale.mailing.control;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.internationale.mailing.entity.BounceReport;
import org.internationale.mailing.entity.Mail;
import org.internationale.mailing.entity.UnsubscribeMailed;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Empties the bounce mailbox ({@code BOUNCE_MAILBOX}, e.g. {@code imaps://user:password@mail.example.org/INBOX} or
 * {@code pop3://…}) every half minute: each report is recorded in the ledger and counted against its subscriber —
 * a permanent failure, or three temporary ones in a row, stops mail to the address — and each mail to the mailto
 * unsubscribe address unsubscribes. Handled messages are deleted; others are left for a person to read. A report
 * read again because a crash came before its deletion is deleted without being counted twice ({@link BounceRecorder}).
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BounceMailbox {

    private static final Logger LOG = Logger.getLogger(BounceMailbox.class.getName());

    @Inject
    @ConfigProperty(name = "BOUNCE_MAILBOX")
    Optional<String> mailbox;

    @Inject
    MailSettings settings;

    @Inject
    BounceReader reader;

    @Inject
    BounceRecorder recorder;

    @Inject
    Event<UnsubscribeMailed> unsubscribes;

    /** Whether {@code BOUNCE_MAILBOX} names a mailbox to read. */
    public boolean configured() {
        return mailbox.filter(m -> !m.isBlank()).isPresent();
    }

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
    void poll() {
        if (!configured()) {
            return;
        }
        try {
            check();
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "The bounce mailbox could not be read: " + e.getMessage(), e);
        }
    }

    /** Reads the mailbox now; returns how many messages were handled. */
    public int check() throws MessagingException {
        if (!configured()) {
            throw new IllegalStateException("BOUNCE_MAILBOX is not configured.");
        }
        URLName url = new URLName(mailbox.get());
        int handled = 0;
        Store store = settings.session().getStore(url);
        store.connect();
        try {
            Folder folder = store.getFolder(url.getFile() == null || url.getFile().isBlank() ? "INBOX" : url.getFile());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.getMessages()) {
                    if (handle(message)) {
                        message.setFlag(Flags.Flag.DELETED, true);
                        handled++;
                    }
                }
            } finally {
                folder.close(true);
            }
        } finally {
            store.close();
        }
        return handled;
    }

    private boolean handle(Message message) {
        try {
            // parsed here from the raw message: servers' BODYSTRUCTURE answers for multipart/report vary (GreenMail's
            // even drops the connection), the bytes do not
            Message local = message instanceof MimeMessage mime ? new MimeMessage(mime) : message;
            Optional<BounceReport> report = reader.read(local);
            if (report.isEmpty()) {
                return false;
            }
            BounceReport bounce = report.get();
            if (bounce.isUnsubscribe()) {
                unsubscribes.fire(new UnsubscribeMailed(bounce.unsubscribeId()));
                return true;
            }
            recorder.record(local instanceof MimeMessage mime ? mime.getMessageID() : null, bounce);
            return true;
        } catch (MessagingException | IOException | RuntimeException e) {
            // a bounce quotes the address it was for, and so may the exception's text: the log holds neither
            LOG.warning(() -> "A message in the bounce mailbox could not be read; it is left there: " + e.getClass().getName()
                    + ": " + Mail.withoutAddresses(e.getMessage()));
            return false;
        }
    }
}
