package org.internationale.search.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.internationale.publishing.entity.DocumentPublished;
import org.internationale.publishing.entity.DocumentUnpublished;
import org.internationale.search.entity.SearchChange;
import org.internationale.text.entity.SourceRevised;
import org.internationale.translation.entity.TranslationApproved;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The search change log (table {@code search_change}): every change that alters what search shows is recorded in the
 * transaction that makes it — the observers here are called while it is open, so the row commits or rolls back with
 * the change. Each instance's index follows the log ({@link SearchIndexing#follow()}); the events' own after-commit
 * observers only make the change searchable sooner on the instance that made it.
 */
@ApplicationScoped
public class SearchChangeLog {

    /** How long the log keeps a change: an index that stood still for longer is rebuilt instead. */
    static final Duration KEPT = Duration.ofDays(7);

    @Resource(lookup = "java:app/jdbc/internationale")
    DataSource dataSource;

    @Inject
    Clock clock;

    void onPublished(@Observes DocumentPublished event) {
        record(SearchChange.documentTarget(event.documentId()));
    }

    void onUnpublished(@Observes DocumentUnpublished event) {
        record(SearchChange.documentTarget(event.documentId()));
    }

    void onApproved(@Observes TranslationApproved event) {
        record(SearchChange.segmentTarget(event.key()));
    }

    void onRevised(@Observes SourceRevised event) {
        record(SearchChange.segmentTarget(event.key()));
    }

    /** Inside a transaction the data source's connection is the transaction's: the row commits with the change. */
    private void record(String target) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO search_change (id, target, changed_at) VALUES (nextval('search_change_seq'), ?, ?)")) {
            insert.setString(1, target);
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            // the change itself must not be lost for want of its log row: the transaction fails and says why
            throw new IllegalStateException("the search change log could not record " + target + ": " + e.getMessage(), e);
        }
    }

    /** The changes after {@code position}, oldest first, at most {@code limit}. */
    public List<SearchChange> after(long position, int limit) {
        List<SearchChange> changes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, target FROM search_change WHERE id > ? ORDER BY id LIMIT ?")) {
            select.setLong(1, position);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    changes.add(new SearchChange(rows.getLong(1), rows.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the search change log is unavailable: " + e.getMessage(), e);
        }
        return changes;
    }

    /** How many recorded changes lie after {@code position}. */
    public long countAfter(long position) {
        return single("SELECT COUNT(*) FROM search_change WHERE id > ?", position);
    }

    /** The last change recorded before {@code at}, or 0: what a full reading of the database started later includes. */
    public long lastBefore(Instant at) {
        return single("SELECT COALESCE(MAX(id), 0) FROM search_change WHERE changed_at < ?", Timestamp.from(at));
    }

    /**
     * Whether changes after {@code position} may have been pruned: the oldest change kept lies further on. (A gap
     * left by a rolled-back transaction right there reads the same: the index is then rebuilt without need, which is
     * safe.)
     */
    public boolean forgotten(long position) {
        long oldest = single("SELECT COALESCE(MIN(id), 0) FROM search_change", null);
        return oldest > position + 1;
    }

    /** Deletes the changes older than {@link #KEPT}, except the newest, which keeps {@link #forgotten} able to tell. */
    public int prune() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM search_change WHERE changed_at < ? AND id < (SELECT MAX(id) FROM search_change)")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(KEPT)));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the search change log could not be pruned: " + e.getMessage(), e);
        }
    }

    private long single(String sql, Object parameter) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            if (parameter != null) {
                select.setObject(1, parameter);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the search change log is unavailable: " + e.getMessage(), e);
        }
    }
}
