package org.internationale.testing;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;

/**
 * GreenMail as the deployed application's SMTP relay and IMAP bounce mailbox, on the ports the build gave the
 * server ({@code it.smtp.port}, {@code it.imap.port}; see arquillian.xml). One for the whole run, like the server
 * ({@link SuiteDeployment} starts it before the server boots and stops it after): every test finds its own mail by
 * a recipient address nobody else uses ({@link #messagesTo}), never by how many messages arrived in all.
 */
public final class MailServer {

    public static final String BOUNCE_ADDRESS = "bounces@internationale.test";

    private static MailServer shared;

    private final GreenMail greenMail;
    private GreenMailUser bounces;

    private MailServer() {
        greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(Integer.getInteger("it.smtp.port", 3025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(Integer.getInteger("it.imap.port", 3143), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        start();
    }

    /** The run's mail server, started on first use. */
    public static synchronized MailServer shared() {
        if (shared == null) {
            shared = new MailServer();
        }
        return shared;
    }

    /** At the end of the run. */
    static synchronized void stopShared() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /** The mailbox the application reads bounce reports from. */
    public synchronized GreenMailUser bounces() {
        return bounces;
    }

    /**
     * Takes the relay away, as an outage does, until {@link #start()}: what was received and the bounce mailbox are
     * gone with it.
     */
    public synchronized void stop() {
        greenMail.stop();
    }

    public synchronized void start() {
        greenMail.start();
        bounces = greenMail.setUser(BOUNCE_ADDRESS, "bounces", "bounce-secret");
    }

    /** The messages received so far whose first recipient is {@code address}, in the order they arrived. */
    public List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> address.equals(recipient(m))).toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients == null || recipients.length == 0 ? ""
                    : recipients[0] instanceof InternetAddress internet ? internet.getAddress() : recipients[0].toString();
        } catch (MessagingException e) {
            return "";
        }
    }
}
