package org.internationale.mailing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;
import org.internationale.mailing.entity.DeliveryClaim;
import org.internationale.mailing.entity.DeliveryCounts;
import org.internationale.mailing.entity.DeliveryReport;
import org.internationale.mailing.entity.DeliveryState;
import org.internationale.mailing.entity.Recipient;
import org.internationale.mailing.entity.SendOutcome;
import org.internationale.mailing.entity.SubscriberErased;
import org.internationale.mailing.entity.SubscriberExport;
import org.internationale.mailing.entity.SubscriptionEnded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The delivery ledger: one row per campaign and subscriber, and the only truth about what was sent. Each SMTP
 * transaction is bracketed by commits — the row is {@code sending} before the first byte goes out and {@code sent}
 * (or failed, or pending again for a retry) right after the reply — so a crash can leave at most one row per open
 * connection whose fate is unknown, and recovery knows exactly which. A lane reports one message and claims the next
 * in a single transaction: one commit per message. With {@code MAIL_CLAIM_SIZE=k} a lane claims k rows at once and
 * reports them together: one commit per k messages, and up to k rows per connection unknown after a crash.
 *
 * <p>Claims use {@code SELECT … FOR UPDATE SKIP LOCKED}, so several instances on one PostgreSQL database send a
 * campaign together without ever claiming the same row. Plain JDBC on the application's data source, inside the
 * container's transactions: this is the hot path and needs batches and row locks, not entities.
 */
@ApplicationScoped
public class DeliveryLedger {

    private static final Logger LOG = Logger.getLogger(DeliveryLedger.class.getName());
    private static final int BATCH = 500;
    /** Rows looked at per claim: a few, so that one taken meanwhile by another instance does not end the lane. */
    private static final int CANDIDATES = 4;

    @Resource(lookup = "java:app/jdbc/internationale")
    DataSource dataSource;

    @Inject
    MailSettings settings;

    @Inject
    Clock clock;

    /** Which database the ledger is on, learnt from the first connection: claims use PostgreSQL's RETURNING. */
    private volatile Boolean postgres;

    /** Adds a row per recipient; recipients already in the ledger for this campaign are left as they are. */
    @Transactional
    public int enqueue(long campaignId, Collection<Recipient> recipients) {
        Timestamp now = Timestamp.from(clock.instant());
        int added = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement known = connection.prepareStatement("SELECT subscriber_id FROM delivery WHERE campaign_id = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO delivery (id, campaign_id, subscriber_id, email, domain,"
                     + " language, wanted_language, state, attempts, next_attempt_at) VALUES (nextval('delivery_seq'), ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)")) {
            java.util.Set<Long> already = new java.util.HashSet<>();
            known.setLong(1, campaignId);
            try (ResultSet rows = known.executeQuery()) {
                while (rows.next()) {
                    already.add(rows.getLong(1));
                }
            }
            int inBatch = 0;
            for (Recipient recipient : recipients) {
                if (!already.add(recipient.subscriberId())) {
                    continue;
                }
                insert.setLong(1, campaignId);
                insert.setLong(2, recipient.subscriberId());
                insert.setString(3, recipient.email());
                insert.setString(4, recipient.domain());
                insert.setString(5, recipient.language());
                insert.setString(6, recipient.wantedLanguage());
                insert.setTimestamp(7, now);
                insert.addBatch();
                added++;
                if (++inBatch == BATCH) {
                    insert.executeBatch();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the ledger could not take campaign " + campaignId + ": " + e.getMessage(), e);
        }
        return added;
    }

    /**
     * Records how the lane's last message went (if any) and claims the next row of one of {@code campaigns} that is
     * due, in one transaction.
     *
     * <p>The transaction is the connection's own, committed here, with any JTA transaction suspended. Under
     * {@code REQUIRES_NEW} the container did not enlist this data source's connection when a lane on the managed
     * executor asked for it, so every statement committed on its own (four commits per message, measured): the claim's
     * row locks ended with its SELECT, all lanes picked the same rows, lost them to each other and stopped until the
     * next tick. A local transaction is one commit per message on every thread, as the crash bound assumes; on
     * PostgreSQL report and claim are a single statement ({@link #advanceInOneStatement}).
     *
     * @param delay when the last message could not go yet because of a rate limit, or the relay could not be reached
     *              ({@code UNREACHABLE}): back to pending for this long, without using an attempt
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<DeliveryClaim> advance(DeliveryClaim last, SendOutcome outcome, Duration delay, Collection<Long> campaigns) {
        try (Connection connection = dataSource.getConnection()) {
            return advance(connection, last, outcome, delay, campaigns);
        } catch (SQLException e) {
            throw new IllegalStateException("the ledger is unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * A sending lane's own connection to the ledger, held for the lane's life: taking one from the container's pool
     * for every message and giving it back was a third of the ledger's cost per message in the mail benchmark's
     * profile. {@link Lane#advance} is {@link #advance} on that connection.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Lane lane() {
        try {
            return new Lane(dataSource.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("the ledger is unavailable: " + e.getMessage(), e);
        }
    }

    public final class Lane implements AutoCloseable {
        private final Connection connection;

        private Lane(Connection connection) {
            this.connection = connection;
        }

        public Optional<DeliveryClaim> advance(DeliveryClaim last, SendOutcome outcome, Duration delay, Collection<Long> campaigns) {
            try {
                return DeliveryLedger.this.advance(connection, last, outcome, delay, campaigns);
            } catch (SQLException e) {
                throw new IllegalStateException("the ledger is unavailable: " + e.getMessage(), e);
            }
        }

        /**
         * Records what became of the rows last claimed and claims up to {@code size} more, in one transaction. With
         * a size of 1 this is {@link #advance(DeliveryClaim, SendOutcome, Duration, Collection)}.
         */
        public List<DeliveryClaim> advance(List<DeliveryReport> reports, Collection<Long> campaigns, int size) {
            try {
                if (size == 1 && reports.size() <= 1) {
                    DeliveryReport last = reports.isEmpty() ? null : reports.get(0);
                    return DeliveryLedger.this.advance(connection, last == null ? null : last.claim(), last == null ? null : last.outcome(),
                            last == null ? null : last.delay(), campaigns).stream().toList();
                }
                return advanceSeveral(connection, reports, campaigns, size);
            } catch (SQLException e) {
                throw new IllegalStateException("the ledger is unavailable: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warning(() -> "A lane's ledger connection did not close cleanly: " + e.getMessage());
            }
        }
    }

    private Optional<DeliveryClaim> advance(Connection connection, DeliveryClaim last, SendOutcome outcome, Duration delay,
                                            Collection<Long> campaigns) throws SQLException {
        Instant now = clock.instant();
        boolean autoCommit = connection.getAutoCommit();
        if (isPostgres(connection)) {
            try {
                return advanceInOneStatement(connection, last, outcome, delay, campaigns.stream().sorted().toList(), now);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        return inTransaction(connection, () -> {
            if (last != null) {
                report(connection, last, outcome, delay, now);
            }
            return campaigns.isEmpty() ? Optional.empty() : claim(connection, campaigns, now);
        });
    }

    /** Work on the ledger that throws what JDBC throws. */
    @FunctionalInterface
    private interface LedgerWork<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} as one local transaction of the lane's connection: committed, or rolled back and rethrown. */
    private static <T> T inTransaction(Connection connection, LedgerWork<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** A statement and its parameters. */
    private record Sql(String text, List<Object> parameters) {
    }

    private void report(Connection connection, DeliveryClaim last, SendOutcome outcome, Duration delay, Instant now) throws SQLException {
        Sql report = reportStatement(last, outcome, delay, now);
        int changed = update(connection, report.text(), report.parameters().toArray());
        if (changed == 0 && delay == null) {
            lost(last, outcome);
        }
    }

    private Sql reportStatement(DeliveryClaim last, SendOutcome outcome, Duration delay, Instant now) {
        String instance = settings.instance();
        if (outcome == null) {
            // put back by a rate limit before it was sent: not an attempt
            return new Sql("UPDATE delivery SET state = 'PENDING', claimed_by = NULL, next_attempt_at = ? WHERE id = ? AND state = 'SENDING'",
                    Arrays.asList(Timestamp.from(now.plus(delay)), last.id()));
        }
        String reply = outcome.reply() == null ? null : outcome.reply().length() > 1000 ? outcome.reply().substring(0, 1000) : outcome.reply();
        return switch (outcome.kind()) {
            // never attempted: back in the queue without using an attempt, due when sending resumes
            case UNREACHABLE -> new Sql("UPDATE delivery SET state = 'PENDING', claimed_by = NULL, last_reply = ?, next_attempt_at = ?"
                    + " WHERE id = ? AND state = 'SENDING' AND claimed_by = ?",
                    Arrays.asList(reply, Timestamp.from(delay == null ? now : now.plus(delay)), last.id(), instance));
            case SENT -> new Sql("UPDATE delivery SET state = 'SENT', sent_at = ?, last_reply = ?, attempts = attempts + 1"
                    + " WHERE id = ? AND state = 'SENDING' AND claimed_by = ?", Arrays.asList(Timestamp.from(now), reply, last.id(), instance));
            case PERMANENT -> new Sql("UPDATE delivery SET state = 'FAILED', last_reply = ?, attempts = attempts + 1"
                    + " WHERE id = ? AND state = 'SENDING' AND claimed_by = ?", Arrays.asList(reply, last.id(), instance));
            case TEMPORARY -> {
                int attempts = last.attempts() + 1;
                if (attempts >= settings.maxAttempts()) {
                    yield new Sql("UPDATE delivery SET state = 'FAILED', last_reply = ?, attempts = ?"
                            + " WHERE id = ? AND state = 'SENDING' AND claimed_by = ?", Arrays.asList(reply, attempts, last.id(), instance));
                }
                yield new Sql("UPDATE delivery SET state = 'PENDING', claimed_by = NULL, last_reply = ?, attempts = ?,"
                        + " next_attempt_at = ? WHERE id = ? AND state = 'SENDING' AND claimed_by = ?",
                        Arrays.asList(reply, attempts, Timestamp.from(now.plus(settings.backoff(attempts))), last.id(), instance));
            }
        };
    }

    private static void lost(DeliveryClaim last, SendOutcome outcome) {
        // another instance's recovery took the row for a crashed one: keep the truth visible
        LOG.warning(() -> "Delivery " + last.id() + " was no longer ours when its outcome (" + outcome.kind() + ") came; "
                + "it stays as recovery left it");
    }

    private static final String CLAIM = "UPDATE delivery SET state = 'SENDING', claimed_by = ?, claimed_at = ?"
            + " WHERE id = (SELECT id FROM delivery WHERE campaign_id = ? AND state = 'PENDING' AND next_attempt_at <= ?"
            + " ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)"
            + " RETURNING id, campaign_id, subscriber_id, email, domain, language, attempts";

    /**
     * PostgreSQL: the report and the claim of the oldest campaign as one statement — data-modifying CTEs — committed
     * on its own, so a message costs the lane one round trip to the database instead of three. Each round trip waits
     * for a database process to be scheduled and the lane cannot send before its claim is committed: on a busy
     * machine that latency, not work, bounded the rate. One statement is one transaction: the crash bound holds.
     */
    private Optional<DeliveryClaim> advanceInOneStatement(Connection connection, DeliveryClaim last, SendOutcome outcome, Duration delay,
                                                         List<Long> campaigns, Instant now) throws SQLException {
        connection.setAutoCommit(true);
        if (campaigns.isEmpty()) {
            if (last != null) {
                report(connection, last, outcome, delay, now);
            }
            return Optional.empty();
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder text = new StringBuilder("WITH ");
        if (last != null) {
            Sql report = reportStatement(last, outcome, delay, now);
            text.append("reported AS (").append(report.text()).append(" RETURNING id), ");
            parameters.addAll(report.parameters());
        }
        text.append("claimed AS (").append(CLAIM).append(") SELECT ").append(last != null ? "(SELECT count(*) FROM reported)" : "1")
                .append(", c.* FROM (SELECT 1) AS one LEFT JOIN claimed AS c ON TRUE");
        parameters.addAll(Arrays.asList(settings.instance(), Timestamp.from(now), campaigns.get(0), Timestamp.from(now)));
        Optional<DeliveryClaim> next;
        try (PreparedStatement statement = connection.prepareStatement(text.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                if (last != null && delay == null && row.getLong(1) == 0) {
                    lost(last, outcome);
                }
                next = row.getObject(2) == null ? Optional.empty() : Optional.of(new DeliveryClaim(row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getInt(8)));
            }
        }
        for (int i = 1; i < campaigns.size() && next.isEmpty(); i++) {
            next = claimInOneStatement(connection, campaigns.get(i), now);
        }
        return next;
    }

    private Optional<DeliveryClaim> claim(Connection connection, Collection<Long> campaigns, Instant now) throws SQLException {
        // one campaign at a time, oldest first, so that the index on (campaign_id, state, id) hands out the lowest
        // pending ids directly; over a list of campaigns the database sorted every pending row on each claim, which
        // made a 10 000-message campaign cost it ~10 ms of CPU per message (bench/README.md)
        for (Long campaign : campaigns.stream().sorted().toList()) {
            List<DeliveryClaim> claimed = claim(connection, campaign, 1, now);
            if (!claimed.isEmpty()) {
                return Optional.of(claimed.get(0));
            }
        }
        return Optional.empty();
    }

    private List<DeliveryClaim> claim(Connection connection, long campaign, int count, Instant now) throws SQLException {
        List<Long> candidates = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM delivery WHERE campaign_id = ? AND state = 'PENDING'"
                + " AND next_attempt_at <= ? ORDER BY id LIMIT " + (count + CANDIDATES) + " FOR UPDATE SKIP LOCKED")) {
            select.setLong(1, campaign);
            select.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.add(rows.getLong(1));
                }
            }
        }
        List<DeliveryClaim> claimed = new ArrayList<>(count);
        for (Long id : candidates) {
            if (claimed.size() == count) {
                break;
            }
            // the row lock alone is not enough everywhere: H2 can hand out a row another instance claimed a moment
            // ago from its snapshot, so the claim itself insists the row is still pending
            int changed = update(connection, "UPDATE delivery SET state = 'SENDING', claimed_by = ?, claimed_at = ? WHERE id = ? AND state = 'PENDING'",
                    settings.instance(), Timestamp.from(now), id);
            if (changed == 1) {
                claimed.add(read(connection, id));
            }
        }
        return claimed;
    }

    private static final String CLAIM_SEVERAL = "UPDATE delivery SET state = 'SENDING', claimed_by = ?, claimed_at = ?"
            + " WHERE id IN (SELECT id FROM delivery WHERE campaign_id = ? AND state = 'PENDING' AND next_attempt_at <= ?"
            + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " RETURNING id, campaign_id, subscriber_id, email, domain, language, attempts";

    /** PostgreSQL: up to {@code count} rows locked, claimed and read in one round trip, lowest ids first. */
    private List<DeliveryClaim> claimSeveralInOneStatement(Connection connection, long campaign, int count, Instant now) throws SQLException {
        List<DeliveryClaim> claimed = new ArrayList<>(count);
        try (PreparedStatement claim = connection.prepareStatement(CLAIM_SEVERAL)) {
            claim.setString(1, settings.instance());
            claim.setTimestamp(2, Timestamp.from(now));
            claim.setLong(3, campaign);
            claim.setTimestamp(4, Timestamp.from(now));
            claim.setInt(5, count);
            try (ResultSet row = claim.executeQuery()) {
                while (row.next()) {
                    claimed.add(new DeliveryClaim(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4), row.getString(5),
                            row.getString(6), row.getInt(7)));
                }
            }
        }
        // RETURNING promises no order: the lane sends in the ledger's order, as with one row at a time
        claimed.sort(Comparator.comparingLong(DeliveryClaim::id));
        return claimed;
    }

    /**
     * {@code MAIL_CLAIM_SIZE} above 1: the lane's reports on its last rows and its claim of up to {@code size} more, in
     * one transaction — one commit per {@code size} messages. Every row claimed is in flight until the next call, so a
     * crash may leave up to {@code size} rows per lane unknown.
     */
    private List<DeliveryClaim> advanceSeveral(Connection connection, List<DeliveryReport> reports, Collection<Long> campaigns, int size)
            throws SQLException {
        Instant now = clock.instant();
        return inTransaction(connection, () -> {
            for (DeliveryReport report : reports) {
                report(connection, report.claim(), report.outcome(), report.delay(), now);
            }
            List<DeliveryClaim> next = new ArrayList<>(size);
            for (Long campaign : campaigns.stream().sorted().toList()) {
                if (next.size() == size) {
                    break;
                }
                next.addAll(isPostgres(connection) ? claimSeveralInOneStatement(connection, campaign, size - next.size(), now)
                        : claim(connection, campaign, size - next.size(), now));
            }
            return next;
        });
    }

    /**
     * PostgreSQL: lock, claim and read the row in one round trip instead of three. Each round trip waits for a
     * database process to be scheduled, and a lane waits for its claim before it can send: on a busy machine that
     * latency, not work, bounded the sending rate. The lock is taken on exactly the row claimed.
     */
    private Optional<DeliveryClaim> claimInOneStatement(Connection connection, long campaign, Instant now) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setString(1, settings.instance());
            claim.setTimestamp(2, Timestamp.from(now));
            claim.setLong(3, campaign);
            claim.setTimestamp(4, Timestamp.from(now));
            try (ResultSet row = claim.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DeliveryClaim(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4), row.getString(5),
                        row.getString(6), row.getInt(7)));
            }
        }
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            postgres = known;
        }
        return known;
    }

    private static DeliveryClaim read(Connection connection, long id) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT campaign_id, subscriber_id, email, domain, language, attempts FROM delivery WHERE id = ?")) {
            read.setLong(1, id);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                return new DeliveryClaim(id, row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getInt(6));
            }
        }
    }

    /**
     * After a crash: this instance's rows still {@code sending} may or may not have gone out. They become
     * {@code unknown} (for good: {@code unknown_at} stays), and under the resend policy pending again.
     */
    @Transactional
    public int recoverOwn() {
        return recover("claimed_by = ?", settings.instance());
    }

    /** Rows another instance left {@code sending} for longer than any SMTP transaction can last: it died. */
    @Transactional
    public int recoverAbandoned(Duration lease) {
        return recover("claimed_at < ?", Timestamp.from(clock.instant().minus(lease)));
    }

    /**
     * Rows can only be in flight for a campaign that is not sent (a campaign is sent when none is): recovery looks for
     * them campaign by campaign, through the campaign's index, which the abandoned-rows check needs every second. An
     * index led by the state would be rewritten by every report and claim, and PostgreSQL's planner chose it for the
     * report, scanning every entry a row in flight ever left there (migration V7). The campaigns are listed first and
     * named in the statement: H2 answered {@code campaign_id IN (SELECT …)} by walking the whole index (90 ms at
     * 300 000 rows), a list of ids in 0.3 ms.
     */
    private static List<Long> unfinishedCampaigns(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM campaign WHERE state <> 'SENT'");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private int recover(String condition, Object parameter) {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection connection = dataSource.getConnection()) {
            List<Long> campaigns = unfinishedCampaigns(connection);
            if (campaigns.isEmpty()) {
                return 0;
            }
            // one statement: the row's fate is recorded (unknown_at) and, under the resend policy, it is pending again.
            // Two statements matched the second to the first by unknown_at = ?, which H2 never found: it stores
            // microseconds and compared them with the clock's nanoseconds, so the rows stayed unknown, unsent
            DeliveryState state = settings.resendUnknown() ? DeliveryState.PENDING : DeliveryState.UNKNOWN;
            List<Object> parameters = new ArrayList<>(List.of(state.name(), now, now));
            parameters.addAll(campaigns);
            parameters.add(parameter);
            int unknown = update(connection, "UPDATE delivery SET state = ?, unknown_at = ?, next_attempt_at = ?, claimed_by = NULL"
                    + " WHERE campaign_id IN (" + placeholders(campaigns.size()) + ") AND state = 'SENDING' AND " + condition,
                    parameters.toArray());
            if (unknown > 0) {
                LOG.warning(() -> unknown + " message(s) were being sent when an instance stopped; their delivery is unknown and they are "
                        + (settings.resendUnknown() ? "sent again (MAIL_UNKNOWN_POLICY=resend)" : "reported, not resent (MAIL_UNKNOWN_POLICY=report)"));
            }
            return unknown;
        } catch (SQLException e) {
            throw new IllegalStateException("the ledger could not recover: " + e.getMessage(), e);
        }
    }

    @Transactional
    public int cancelPending(long campaignId, String reason) {
        try (Connection connection = dataSource.getConnection()) {
            return update(connection, "UPDATE delivery SET state = 'CANCELLED', last_reply = ? WHERE campaign_id = ? AND state = 'PENDING'",
                    reason, campaignId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public DeliveryCounts counts(long campaignId) {
        return counts(List.of(campaignId)).get(campaignId);
    }

    /** The counts of several campaigns in two queries, whatever their number: the campaign list shows them all. */
    public Map<Long, DeliveryCounts> counts(Collection<Long> campaignIds) {
        Map<Long, Map<String, Long>> byState = new LinkedHashMap<>();
        Map<Long, long[]> others = new LinkedHashMap<>();
        for (long id : campaignIds) {
            Map<String, Long> states = new LinkedHashMap<>();
            for (DeliveryState state : DeliveryState.values()) {
                states.put(state.label(), 0L);
            }
            byState.put(id, states);
            others.put(id, new long[2]);
        }
        if (campaignIds.isEmpty()) {
            return Map.of();
        }
        String in = placeholders(campaignIds.size());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement states = connection.prepareStatement("SELECT campaign_id, state, COUNT(*) FROM delivery WHERE campaign_id IN ("
                     + in + ") GROUP BY campaign_id, state");
             PreparedStatement rest = connection.prepareStatement("SELECT campaign_id, COUNT(unknown_at), SUM(CASE WHEN sent_at > ? THEN 1 ELSE 0 END)"
                     + " FROM delivery WHERE campaign_id IN (" + in + ") GROUP BY campaign_id")) {
            int at = 1;
            rest.setTimestamp(1, Timestamp.from(clock.instant().minusSeconds(60)));
            for (long id : campaignIds) {
                states.setLong(at, id);
                rest.setLong(at + 1, id);
                at++;
            }
            try (ResultSet rows = states.executeQuery()) {
                while (rows.next()) {
                    byState.get(rows.getLong(1)).put(DeliveryState.valueOf(rows.getString(2)).label(), rows.getLong(3));
                }
            }
            try (ResultSet rows = rest.executeQuery()) {
                while (rows.next()) {
                    others.put(rows.getLong(1), new long[]{rows.getLong(2), rows.getLong(3)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Map<Long, DeliveryCounts> counts = new LinkedHashMap<>();
        byState.forEach((id, states) -> counts.put(id, new DeliveryCounts(states, others.get(id)[0], others.get(id)[1])));
        return counts;
    }

    /** The rows a crash left unknown, with what became of them: the answer to "who may have got it twice?". */
    public List<Map<String, Object>> unknown(long campaignId) {
        List<Map<String, Object>> result = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT id, subscriber_id, state, unknown_at, sent_at FROM delivery"
                     + " WHERE campaign_id = ? AND unknown_at IS NOT NULL ORDER BY id")) {
            select.setLong(1, campaignId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("delivery", rows.getLong(1));
                    long subscriber = rows.getLong(2);
                    row.put("subscriber", rows.wasNull() ? null : subscriber);
                    row.put("state", DeliveryState.valueOf(rows.getString(3)).label());
                    row.put("unknownAt", rows.getTimestamp(4).toInstant().toString());
                    Timestamp sent = rows.getTimestamp(5);
                    row.put("sentAt", sent == null ? null : sent.toInstant().toString());
                    result.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    /** The subscriber a delivery was for, e.g. for a bounce naming it. */
    public Optional<Long> subscriberOf(long deliveryId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT subscriber_id FROM delivery WHERE id = ?")) {
            select.setLong(1, deliveryId);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    long id = row.getLong(1);
                    return row.wasNull() ? Optional.empty() : Optional.of(id);
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    void onEnded(@Observes SubscriptionEnded ended) {
        try (Connection connection = dataSource.getConnection()) {
            update(connection, "UPDATE delivery SET state = 'CANCELLED', last_reply = 'subscription ended'"
                    + " WHERE subscriber_id = ? AND state = 'PENDING'", ended.subscriberId());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void onErased(@Observes SubscriberErased erased) {
        try (Connection connection = dataSource.getConnection()) {
            update(connection, "UPDATE delivery SET state = 'CANCELLED' WHERE subscriber_id = ? AND state = 'PENDING'", erased.subscriberId());
            // relays quote the recipient in their replies: the reply goes with the address, the counts stay
            update(connection, "UPDATE delivery SET subscriber_id = NULL, email = NULL, last_reply = NULL WHERE subscriber_id = ?",
                    erased.subscriberId());
            // a report that could not be tied to the subscriber may still quote their address
            update(connection, "DELETE FROM bounce WHERE subscriber_id = ? OR LOWER(diagnostic) LIKE ?", erased.subscriberId(),
                    "%" + erased.email().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void onExport(@Observes SubscriberExport export) {
        JsonArrayBuilder deliveries = Json.createArrayBuilder();
        JsonArrayBuilder bounces = Json.createArrayBuilder();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT campaign_id, language, state, sent_at FROM delivery WHERE subscriber_id = ? ORDER BY id");
             PreparedStatement bounced = connection.prepareStatement("SELECT received_at, hard, status, diagnostic FROM bounce WHERE subscriber_id = ? ORDER BY id")) {
            select.setLong(1, export.subscriberId());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp sent = rows.getTimestamp(4);
                    deliveries.add(Json.createObjectBuilder().add("campaign", rows.getLong(1)).add("language", rows.getString(2))
                            .add("state", DeliveryState.valueOf(rows.getString(3)).label())
                            .add("sentAt", sent == null ? "" : sent.toInstant().toString()));
                }
            }
            bounced.setLong(1, export.subscriberId());
            try (ResultSet rows = bounced.executeQuery()) {
                while (rows.next()) {
                    bounces.add(Json.createObjectBuilder().add("receivedAt", rows.getTimestamp(1).toInstant().toString())
                            .add("hard", rows.getBoolean(2)).add("status", String.valueOf(rows.getString(3)))
                            .add("diagnostic", String.valueOf(rows.getString(4))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        export.add("deliveries", deliveries.build());
        export.add("bounces", bounces.build());
    }

    /**
     * Records a bounce report, once: a report whose Message-ID ({@code reportId}) is recorded already is not recorded
     * again. The subscriber, when known, is told by the caller in the same transaction ({@link BounceRecorder}).
     *
     * @return false when this report was recorded before
     */
    @Transactional
    public boolean bounce(String reportId, Long deliveryId, Long subscriberId, boolean hard, String status, String diagnostic) {
        try (Connection connection = dataSource.getConnection()) {
            if (reportId != null) {
                try (PreparedStatement seen = connection.prepareStatement("SELECT 1 FROM bounce WHERE report_id = ?")) {
                    seen.setString(1, reportId);
                    try (ResultSet row = seen.executeQuery()) {
                        if (row.next()) {
                            return false;
                        }
                    }
                }
            }
            update(connection, "INSERT INTO bounce (id, report_id, delivery_id, subscriber_id, hard, status, diagnostic, received_at)"
                            + " VALUES (nextval('bounce_seq'), ?, ?, ?, ?, ?, ?, ?)", reportId, deliveryId, subscriberId, hard,
                    status, diagnostic == null ? null : diagnostic.length() > 1000 ? diagnostic.substring(0, 1000) : diagnostic,
                    Timestamp.from(clock.instant()));
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ?, ?, …}: an IN list of {@code count} parameters. */
    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
