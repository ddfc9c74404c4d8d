package org.internationale.mailing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.internationale.mailing.entity.SubscriberErased;
import org.internationale.system.entity.SecretToken;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * At most {@value #MAILS_PER_DAY} mails a day to one address at anonymous request — subscribe confirmations,
 * "you are subscribed already", signature confirmations together — whoever asks and however often. Beyond it the
 * request is answered as usual and the mail is simply not sent, so the cap reveals nothing. It lives in the database
 * ({@code mail_cap}) so that every instance and a restart keep it; the address is stored only as a hash. Two
 * requests racing on two instances may both pass the last free place: the cap can be exceeded by the number of
 * instances, not more.
 */
@ApplicationScoped
public class DailyMailCap {

    static final int MAILS_PER_DAY = 5;
    static final Duration DAY = Duration.ofHours(24);

    @Resource(lookup = "java:app/jdbc/internationale")
    DataSource dataSource;

    @Inject
    Clock clock;

    /** Counts a mail to {@code address}; false, and nothing counted, when the address has had its share today. */
    public boolean take(String address) {
        Instant now = clock.instant();
        String hash = hash(address);
        // runs in the caller's transaction when there is one: a mail that then fails to go is not counted
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement old = connection.prepareStatement("DELETE FROM mail_cap WHERE sent_at <= ?")) {
                old.setTimestamp(1, Timestamp.from(now.minus(DAY)));
                old.executeUpdate();
            }
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM mail_cap WHERE address_hash = ?")) {
                count.setString(1, hash);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) >= MAILS_PER_DAY) {
                        return false;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mail_cap (address_hash, sent_at) VALUES (?, ?)")) {
                insert.setString(1, hash);
                insert.setTimestamp(2, Timestamp.from(now));
                insert.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An erased subscriber's address leaves no trace here either. */
    void onErased(@Observes SubscriberErased erased) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM mail_cap WHERE address_hash = ?")) {
            delete.setString(1, hash(erased.email()));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored form of an address: the SHA-256 of it lower-cased, so that the table holds no address. */
    static String hash(String address) {
        return SecretToken.hashOf(address.strip().toLowerCase(Locale.ROOT));
    }
}
