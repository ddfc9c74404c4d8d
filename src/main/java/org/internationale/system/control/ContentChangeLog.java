package org.internationale.system.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.internationale.system.entity.ContentChanged;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * The content change log (table {@code content_change}): a row per {@link ContentChanged}, written on the
 * transaction's own connection, so it commits or rolls back with the change. Readers of the log only ask for its
 * newest id: every instance's page cache compares it with the one it last saw.
 */
@ApplicationScoped
public class ContentChangeLog {

    /** Only the newest id is ever asked for; older rows are kept a day for whoever looks at the table. */
    static final Duration KEPT = Duration.ofDays(1);

    @Resource(lookup = "java:app/jdbc/internationale")
    DataSource dataSource;

    @Inject
    Clock clock;

    void onChanged(@Observes ContentChanged change) {
        String what = change.what().length() > 200 ? change.what().substring(0, 200) : change.what();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO content_change (id, what, changed_at) VALUES (nextval('content_change_seq'), ?, ?)")) {
            insert.setString(1, what);
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            // a change whose log row is lost would be served stale by other instances: the transaction fails instead
            throw new IllegalStateException("the content change log could not record " + what + ": " + e.getMessage(), e);
        }
    }

    /** The newest change's id, 0 before the first. */
    public long latest() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM content_change");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the content change log could not be read: " + e.getMessage(), e);
        }
    }

    /** Removes rows older than a day but never the newest, which is the one everybody compares with. */
    public int prune() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM content_change WHERE changed_at < ? AND id < (SELECT MAX(id) FROM content_change)")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(KEPT)));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the content change log could not be pruned: " + e.getMessage(), e);
        }
    }
}
