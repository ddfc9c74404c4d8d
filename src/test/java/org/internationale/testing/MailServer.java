package org.internationale.testing;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail as the deployed application's SMTP relay and IMAP bounce mailbox, on the ports the build gave the
 * server ({@code it.smtp.port}, {@code it.imap.port}; see arquillian.xml). One per test class, started before its
 * first test: the ports are the same for every deployment.
 */
public final class MailServer {

    public static final String BOUNCE_ADDRESS = "bounces@internationale.test";

    private final GreenMail greenMail;
    private final GreenMailUser bounces;

    private MailServer() {
        greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(Integer.getInteger("it.smtp.port", 3025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(Integer.getInteger("it.imap.port", 3143), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        bounces = greenMail.setUser(BOUNCE_ADDRESS, "bounces", "bounce-secret");
    }

    public static MailServer start() {
        return new MailServer();
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /** The mailbox the application reads bounce reports from. */
    public GreenMailUser bounces() {
        return bounces;
    }

    public void stop() {
        greenMail.stop();
    }
}
