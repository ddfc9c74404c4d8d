package org.internationale.mailing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.util.StreamProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.internationale.system.control.DatabaseSettings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How mail leaves: the SMTP relay ({@code SMTP_*}) or, without {@code SMTP_HOST}, the outbox folder; the sender and
 * the sending limits. One place reads them so that one-off mails and campaigns go out the same way.
 */
@ApplicationScoped
public class MailSettings {

    /** More rows per claim save no commit worth having and widen what a crash may send twice. */
    public static final int MAX_CLAIM_SIZE = 100;

    /** How long one write to an SMTP connection may make no progress before the connection is closed. */
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(MailSettings.class.getName());

    static {
        pinStreamProvider();
    }

    /**
     * The sockets of every session made here, so that {@link SmtpWriteWatch} can close a stalled one; a test gives
     * itself sockets with a shorter timeout.
     */
    SmtpSockets sockets = new SmtpSockets(WRITE_TIMEOUT);

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

    /** Where bounces go; each message's return path is this address with a per-delivery tag (VERP). */
    @Inject
    @ConfigProperty(name = "BOUNCE_ADDRESS")
    Optional<String> bounceAddress;

    /** Parallel SMTP connections per instance for campaigns. */
    @Inject
    @ConfigProperty(name = "SMTP_CONNECTIONS", defaultValue = "4")
    int connections;

    /**
     * Ledger rows a sending lane claims per transaction. 1 (the default) keeps one row in flight per connection, so a
     * crash leaves at most one message per connection whose fate is unknown; k trades that bound for k times fewer
     * ledger commits (docs/newsletters.md).
     */
    @Inject
    @ConfigProperty(name = "MAIL_CLAIM_SIZE", defaultValue = "1")
    int claimSize;

    /** Messages per second per instance, all domains together; 0 is no limit. */
    @Inject
    @ConfigProperty(name = "MAIL_RATE", defaultValue = "0")
    double rate;

    /** Messages per second per instance to any one recipient domain; 0 is no limit. */
    @Inject
    @ConfigProperty(name = "MAIL_DOMAIN_RATE", defaultValue = "0")
    double domainRate;

    /** The first wait after a temporary (4xx) refusal; each further one doubles it, up to an hour. */
    @Inject
    @ConfigProperty(name = "MAIL_RETRY_SECONDS", defaultValue = "60")
    long retrySeconds;

    @Inject
    @ConfigProperty(name = "MAIL_MAX_ATTEMPTS", defaultValue = "8")
    int maxAttempts;

    /** {@code resend} (default) or {@code report}: what happens to messages whose fate a crash left unknown. */
    @Inject
    @ConfigProperty(name = "MAIL_UNKNOWN_POLICY", defaultValue = "resend")
    String unknownPolicy;

    @Inject
    @ConfigProperty(name = "INSTANCE_NAME")
    Optional<String> instanceName;

    @Inject
    @ConfigProperty(name = DatabaseSettings.DATA_DIR)
    String dataDir;

    public boolean smtp() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    public Path outbox() {
        return Path.of(dataDir).resolve("outbox");
    }

    public InternetAddress from() {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalStateException("MAIL_FROM is not an address: " + from, e);
        }
    }

    /** The domain of the sender: Message-IDs and the default bounce address live there. */
    public String fromDomain() {
        String address = from().getAddress();
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    public InternetAddress bounceAddress() {
        try {
            return new InternetAddress(bounceAddress.filter(b -> !b.isBlank()).orElse("bounces@" + fromDomain()), true);
        } catch (AddressException e) {
            throw new IllegalStateException("BOUNCE_ADDRESS is not an address", e);
        }
    }

    public int connections() {
        return Math.max(1, connections);
    }

    /** A lane sends its claimed rows one after another; all of them are in flight meanwhile. */
    public int claimSize() {
        if (claimSize < 1 || claimSize > MAX_CLAIM_SIZE) {
            throw new IllegalStateException("MAIL_CLAIM_SIZE must be between 1 and " + MAX_CLAIM_SIZE + ", not " + claimSize);
        }
        return claimSize;
    }

    public double rate() {
        return rate;
    }

    public double domainRate() {
        return domainRate;
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} temporary refusals. */
    public Duration backoff(int attempt) {
        long seconds = retrySeconds * (1L << Math.min(20, Math.max(0, attempt - 1)));
        return Duration.ofSeconds(Math.min(seconds, 3600));
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public boolean resendUnknown() {
        return !"report".equals(unknownPolicy.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * This instance's name in the ledger. It must differ between instances sharing a database and stay the same
     * across restarts of one, so that a restarted instance recognises its own interrupted sends at once.
     */
    public String instance() {
        return instanceName.filter(n -> !n.isBlank()).orElseGet(() -> {
            String hostName;
            try {
                hostName = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                hostName = "localhost";
            }
            return hostName + ":" + Path.of(dataDir).toAbsolutePath().normalize();
        });
    }

    public Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.orElse("localhost"));
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "60000");
        properties.put("mail.smtp.auth", Boolean.toString(user.isPresent()));
        properties.put("mail.smtp.localhost", fromDomain());
        // Nagle off and a deadline on writes, watched once a second instead of Angus's mail.smtp.writetimeout: see SmtpSockets
        properties.put("mail.smtp.socketFactory", sockets);
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

    /**
     * Jakarta Mail 2.1 finds its {@link StreamProvider} anew for every message, copy and encoded part: unless a
     * system property names the class, through {@link java.util.ServiceLoader}, which in the application server
     * scans every library of the WAR each time — 14 % of the CPU a campaign took (bench/README.md). The property is
     * the lookup's documented first step; it is set to the provider the container actually has, once, and left
     * alone if someone configured it.
     */
    static void pinStreamProvider() {
        String property = StreamProvider.class.getName();
        try {
            if (System.getProperty(property) == null) {
                System.setProperty(property, StreamProvider.provider().getClass().getName());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Jakarta Mail's stream provider could not be pinned; mail works, only slower", e);
        }
    }

    /** Closes the SMTP connections whose write has made no progress for {@link #WRITE_TIMEOUT}; how many. */
    public int closeStalledWrites() {
        return sockets.closeStalled();
    }

    public String host() {
        return host.orElse("localhost");
    }

    public int port() {
        return port;
    }

    public Optional<String> user() {
        return user;
    }

    public String password() {
        return password.orElse("");
    }
}
