package org.internationale.mailing.control;

import org.internationale.mailing.entity.DeliveryClaim;
import org.internationale.mailing.entity.DeliveryCounts;
import org.internationale.mailing.entity.DeliveryReport;
import org.internationale.mailing.entity.DeliveryState;
import org.internationale.mailing.entity.Recipient;
import org.internationale.mailing.entity.SendOutcome;
import org.internationale.mailing.entity.SubscriberErased;
import org.internationale.testing.ManualClock;
import org.internationale.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger's state machine on the production schema (H2, or PostgreSQL when the build gives one). */
class DeliveryLedgerTest {

    private static final long CAMPAIGN = 900;
    private TestDatabase database;
    private DeliveryLedger ledger;
    /** Nanoseconds, as the system clock gives them; the databases keep microseconds (H2 once lost recovered rows to that). */
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T10:00:00.123456321Z"));

    @BeforeEach
    void ledger() throws Exception {
        database = new TestDatabase();
        try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO document (id, type, source_language, state, coordinated, revision, created_by, created_at, version)"
                    + " VALUES (900, 'NEWSLETTER', 'en', 'PUBLISHED', FALSE, 1, 'test', CURRENT_TIMESTAMP, 1)");
            for (long campaign : List.of(CAMPAIGN, CAMPAIGN + 1)) {
                sql.execute("INSERT INTO campaign (id, newsletter_id, topics, required_languages, state, base_url, created_by, created_at, version)"
                        + " VALUES (" + campaign + ", 900, 'news', '', 'SENDING', 'http://localhost/', 'test', CURRENT_TIMESTAMP, 1)");
            }
        }
        ledger = new DeliveryLedger();
        ledger.dataSource = database.dataSource();
        ledger.clock = clock;
        ledger.settings = settings("resend");
    }

    private static MailSettings settings(String unknownPolicy) {
        MailSettings settings = new MailSettings();
        settings.retrySeconds = 60;
        settings.maxAttempts = 3;
        settings.unknownPolicy = unknownPolicy;
        settings.instanceName = Optional.of("test-instance");
        settings.dataDir = "target";
        return settings;
    }

    @AfterEach
    void close() {
        database.close();
    }

    private void enqueue(long campaign, int count) {
        List<Recipient> recipients = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new Recipient(1000 + i, "r" + i + "@example.org", "example.org", "en", "en")).toList();
        ledger.enqueue(campaign, recipients);
    }

    private DeliveryClaim claim() {
        return ledger.advance(null, null, null, Set.of(CAMPAIGN)).orElseThrow();
    }

    @Test
    void eachRowIsClaimedOnceAndReportedInTheSameTransactionAsTheNextClaim() {
        enqueue(CAMPAIGN, 3);
        enqueue(CAMPAIGN, 3);
        assertEquals(3, ledger.counts(CAMPAIGN).total(), "enqueueing twice adds nobody twice");
        DeliveryClaim first = claim();
        assertEquals(1, ledger.counts(CAMPAIGN).get(DeliveryState.SENDING));
        DeliveryClaim second = ledger.advance(first, SendOutcome.sent("250 ok"), null, Set.of(CAMPAIGN)).orElseThrow();
        assertNotEquals(first.id(), second.id());
        DeliveryCounts counts = ledger.counts(CAMPAIGN);
        assertEquals(1, counts.get(DeliveryState.SENT));
        assertEquals(1, counts.get(DeliveryState.SENDING), "never more than one in flight per lane");
        DeliveryClaim third = ledger.advance(second, SendOutcome.permanent("550 no such user"), null, Set.of(CAMPAIGN)).orElseThrow();
        assertTrue(ledger.advance(third, SendOutcome.sent("250 ok"), null, Set.of(CAMPAIGN)).isEmpty());
        counts = ledger.counts(CAMPAIGN);
        assertEquals(2, counts.get(DeliveryState.SENT));
        assertEquals(1, counts.get(DeliveryState.FAILED));
        assertTrue(counts.finished());
    }

    @Test
    void aLaneGoesThroughACampaignInOrderAndComesBackForARowPutBack() {
        enqueue(CAMPAIGN, 4);
        try (DeliveryLedger.Lane lane = ledger.lane()) {
            DeliveryClaim first = lane.advance(null, null, null, Set.of(CAMPAIGN)).orElseThrow();
            DeliveryClaim second = lane.advance(first, null, Duration.ofSeconds(5), Set.of(CAMPAIGN)).orElseThrow();
            DeliveryClaim third = lane.advance(second, SendOutcome.sent("250 ok"), null, Set.of(CAMPAIGN)).orElseThrow();
            DeliveryClaim fourth = lane.advance(third, SendOutcome.sent("250 ok"), null, Set.of(CAMPAIGN)).orElseThrow();
            assertTrue(first.id() < second.id() && second.id() < third.id() && third.id() < fourth.id(), "oldest first");
            assertTrue(lane.advance(fourth, SendOutcome.sent("250 ok"), null, Set.of(CAMPAIGN)).isEmpty(),
                    "the row put back is not due yet");
            clock.advance(Duration.ofSeconds(6));
            DeliveryClaim again = lane.advance(null, null, null, Set.of(CAMPAIGN)).orElseThrow();
            assertEquals(first.id(), again.id(), "the row put back is found once due");
            assertTrue(lane.advance(again, SendOutcome.sent("250 ok"), null, Set.of(CAMPAIGN)).isEmpty());
        }
        DeliveryCounts counts = ledger.counts(CAMPAIGN);
        assertEquals(4, counts.get(DeliveryState.SENT));
        assertTrue(counts.finished());
    }

    @Test
    void twoLanesNeverClaimTheSameRowAndTogetherSendEveryOne() {
        enqueue(CAMPAIGN, 6);
        Set<Long> claimed = new java.util.HashSet<>();
        try (DeliveryLedger.Lane one = ledger.lane(); DeliveryLedger.Lane two = ledger.lane()) {
            DeliveryClaim a = one.advance(null, null, null, Set.of(CAMPAIGN)).orElseThrow();
            DeliveryClaim b = two.advance(null, null, null, Set.of(CAMPAIGN)).orElseThrow();
            while (a != null || b != null) {
                for (DeliveryClaim c : java.util.Arrays.asList(a, b)) {
                    if (c != null) {
                        assertTrue(claimed.add(c.id()), "claimed twice: " + c.id());
                    }
                }
                a = a == null ? null : one.advance(a, SendOutcome.sent("250 ok"), null, Set.of(CAMPAIGN)).orElse(null);
                b = b == null ? null : two.advance(b, SendOutcome.sent("250 ok"), null, Set.of(CAMPAIGN)).orElse(null);
            }
        }
        assertEquals(6, claimed.size());
        assertEquals(6, ledger.counts(CAMPAIGN).get(DeliveryState.SENT));
    }

    @Test
    void lanesRunningAtOnceClaimEveryRowOnceAndEachHoldsAtMostOneInFlight() throws Exception {
        enqueue(CAMPAIGN, 120);
        int lanes = 4;
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger twice = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        CountDownLatch allOpen = new CountDownLatch(lanes);
        ExecutorService executor = Executors.newFixedThreadPool(lanes);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < lanes; i++) {
                sent.add(executor.submit(() -> {
                    int count = 0;
                    try (DeliveryLedger.Lane lane = ledger.lane()) {
                        allOpen.countDown();
                        allOpen.await();
                        DeliveryClaim claim = lane.advance(null, null, null, Set.of(CAMPAIGN)).orElse(null);
                        while (claim != null) {
                            if (!claimed.add(claim.id())) {
                                twice.incrementAndGet();
                            }
                            int inFlight = Math.toIntExact(ledger.counts(CAMPAIGN).get(DeliveryState.SENDING));
                            mostInFlight.accumulateAndGet(inFlight, Math::max);
                            count++;
                            claim = lane.advance(claim, SendOutcome.sent("250 2.0.0 queued as " + claim.id()), null, Set.of(CAMPAIGN)).orElse(null);
                        }
                    }
                    return count;
                }));
            }
            int total = 0;
            for (Future<Integer> lane : sent) {
                total += lane.get(60, TimeUnit.SECONDS);
            }
            assertEquals(120, total);
        } finally {
            executor.shutdownNow();
        }
        assertEquals(0, twice.get(), "no row claimed twice");
        assertEquals(120, claimed.size());
        assertTrue(mostInFlight.get() <= lanes, "at most one row in flight per lane, saw " + mostInFlight.get());
        DeliveryCounts counts = ledger.counts(CAMPAIGN);
        assertEquals(120, counts.get(DeliveryState.SENT));
        assertTrue(counts.finished());
        try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT count(*) FROM delivery WHERE campaign_id = " + CAMPAIGN
                     + " AND attempts = 1 AND last_reply = '250 2.0.0 queued as ' || id")) {
            row.next();
            assertEquals(120, row.getInt(1), "each report kept its own reply and counted one attempt");
        }
    }

    @Test
    void withAClaimSizeOfKALaneTakesKRowsInOrderAndReportsThemWithItsNextClaim() {
        enqueue(CAMPAIGN, 7);
        enqueue(CAMPAIGN + 1, 2);
        try (DeliveryLedger.Lane lane = ledger.lane()) {
            List<DeliveryClaim> first = lane.advance(List.of(), Set.of(CAMPAIGN, CAMPAIGN + 1), 4);
            assertEquals(4, first.size());
            assertEquals(first.stream().map(DeliveryClaim::id).sorted().toList(), first.stream().map(DeliveryClaim::id).toList(), "oldest first");
            assertEquals(4, ledger.counts(CAMPAIGN).get(DeliveryState.SENDING), "all k are in flight together");
            List<DeliveryReport> reports = new ArrayList<>();
            reports.add(DeliveryReport.of(first.get(0), SendOutcome.sent("250 ok")));
            reports.add(DeliveryReport.of(first.get(1), SendOutcome.permanent("550 no such user")));
            reports.add(DeliveryReport.putBack(first.get(2), Duration.ofSeconds(5)));
            reports.add(DeliveryReport.of(first.get(3), SendOutcome.temporary("451 later")));
            List<DeliveryClaim> second = lane.advance(reports, Set.of(CAMPAIGN, CAMPAIGN + 1), 4);
            assertEquals(List.of(CAMPAIGN, CAMPAIGN, CAMPAIGN, CAMPAIGN + 1), second.stream().map(DeliveryClaim::campaignId).toList(),
                    "the older campaign's last rows, then the next campaign's");
            DeliveryCounts counts = ledger.counts(CAMPAIGN);
            assertEquals(1, counts.get(DeliveryState.SENT));
            assertEquals(1, counts.get(DeliveryState.FAILED));
            assertEquals(3, counts.get(DeliveryState.SENDING));
            assertEquals(2, counts.get(DeliveryState.PENDING), "the row put back and the one to retry wait");
            List<DeliveryClaim> third = lane.advance(second.stream().map(c -> DeliveryReport.of(c, SendOutcome.sent("250 ok"))).toList(),
                    Set.of(CAMPAIGN, CAMPAIGN + 1), 4);
            assertEquals(1, third.size(), "the other campaign's last row; nothing else is due");
            assertEquals(CAMPAIGN + 1, third.get(0).campaignId());
            clock.advance(Duration.ofSeconds(6));
            List<DeliveryClaim> due = lane.advance(List.of(DeliveryReport.of(third.get(0), SendOutcome.sent("250 ok"))), Set.of(CAMPAIGN), 4);
            assertEquals(List.of(first.get(2).id()), due.stream().map(DeliveryClaim::id).toList(), "the row put back, its attempts untouched");
            assertEquals(0, due.get(0).attempts());
        }
        DeliveryCounts counts = ledger.counts(CAMPAIGN);
        assertEquals(4, counts.get(DeliveryState.SENT));
        assertEquals(1, counts.get(DeliveryState.FAILED));
        assertEquals(1, counts.get(DeliveryState.SENDING));
        assertEquals(1, counts.get(DeliveryState.PENDING), "the refused row waits for its retry");
        assertEquals(2, ledger.counts(CAMPAIGN + 1).get(DeliveryState.SENT));
    }

    @Test
    void aCrashWithKRowsClaimedLeavesExactlyThoseUnknown() {
        enqueue(CAMPAIGN, 10);
        List<DeliveryClaim> claimed;
        try (DeliveryLedger.Lane lane = ledger.lane()) {
            List<DeliveryClaim> first = lane.advance(List.of(), Set.of(CAMPAIGN), 8);
            claimed = lane.advance(first.stream().map(c -> DeliveryReport.of(c, SendOutcome.sent("250 ok"))).toList(), Set.of(CAMPAIGN), 8);
        }
        assertEquals(2, claimed.size());
        assertEquals(2, ledger.recoverOwn());
        assertEquals(claimed.stream().map(DeliveryClaim::subscriberId).toList(),
                ledger.unknown(CAMPAIGN).stream().map(row -> (Long) row.get("subscriber")).toList());
        assertEquals(8, ledger.counts(CAMPAIGN).get(DeliveryState.SENT));
    }

    @Test
    void lanesClaimingSeveralAtOnceStillClaimEveryRowOnce() throws Exception {
        enqueue(CAMPAIGN, 203);
        int lanes = 4;
        int size = 8;
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger twice = new AtomicInteger();
        CountDownLatch allOpen = new CountDownLatch(lanes);
        ExecutorService executor = Executors.newFixedThreadPool(lanes);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < lanes; i++) {
                sent.add(executor.submit(() -> {
                    int count = 0;
                    try (DeliveryLedger.Lane lane = ledger.lane()) {
                        allOpen.countDown();
                        allOpen.await();
                        List<DeliveryClaim> claims = lane.advance(List.of(), Set.of(CAMPAIGN), size);
                        while (!claims.isEmpty()) {
                            assertTrue(claims.size() <= size);
                            for (DeliveryClaim claim : claims) {
                                if (!claimed.add(claim.id())) {
                                    twice.incrementAndGet();
                                }
                            }
                            count += claims.size();
                            claims = lane.advance(claims.stream().map(c -> DeliveryReport.of(c, SendOutcome.sent("250 queued as " + c.id()))).toList(),
                                    Set.of(CAMPAIGN), size);
                        }
                    }
                    return count;
                }));
            }
            int total = 0;
            for (Future<Integer> lane : sent) {
                total += lane.get(60, TimeUnit.SECONDS);
            }
            assertEquals(203, total);
        } finally {
            executor.shutdownNow();
        }
        assertEquals(0, twice.get(), "no row claimed twice");
        assertEquals(203, ledger.counts(CAMPAIGN).get(DeliveryState.SENT));
    }

    @Test
    void temporaryRefusalsAreRetriedLaterWithGrowingWaitsThenFail() {
        enqueue(CAMPAIGN, 1);
        DeliveryClaim claim = claim();
        assertTrue(ledger.advance(claim, SendOutcome.temporary("451 try later"), null, Set.of(CAMPAIGN)).isEmpty(), "not due yet");
        clock.advance(Duration.ofSeconds(59));
        assertTrue(ledger.advance(null, null, null, Set.of(CAMPAIGN)).isEmpty());
        clock.advance(Duration.ofSeconds(2));
        claim = claim();
        assertEquals(1, claim.attempts());
        ledger.advance(claim, SendOutcome.temporary("451 try later"), null, Set.of(CAMPAIGN));
        clock.advance(Duration.ofSeconds(119));
        assertTrue(ledger.advance(null, null, null, Set.of(CAMPAIGN)).isEmpty(), "the second wait is twice the first");
        clock.advance(Duration.ofSeconds(2));
        claim = claim();
        ledger.advance(claim, SendOutcome.temporary("451 try later"), null, Set.of(CAMPAIGN));
        assertEquals(1, ledger.counts(CAMPAIGN).get(DeliveryState.FAILED), "after MAIL_MAX_ATTEMPTS");
    }

    @Test
    void aRateLimitPutsTheMessageBackWithoutCountingAnAttempt() {
        enqueue(CAMPAIGN, 1);
        DeliveryClaim claim = claim();
        assertTrue(ledger.advance(claim, null, Duration.ofSeconds(5), Set.of(CAMPAIGN)).isEmpty());
        clock.advance(Duration.ofSeconds(6));
        assertEquals(0, claim().attempts());
    }

    @Test
    void aMessageForAnUnreachableRelayGoesBackUnattemptedWithTheReasonUntilSendingResumes() throws Exception {
        enqueue(CAMPAIGN, 1);
        DeliveryClaim claim = claim();
        assertTrue(ledger.advance(claim, SendOutcome.unreachable("Couldn't connect to host, port: 127.0.0.1, 2525"),
                Duration.ofSeconds(5), Set.of()).isEmpty());
        assertEquals(1, ledger.counts(CAMPAIGN).get(DeliveryState.PENDING));
        try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement();
             java.sql.ResultSet row = sql.executeQuery("SELECT last_reply, claimed_by FROM delivery WHERE id = " + claim.id())) {
            row.next();
            assertEquals("Couldn't connect to host, port: 127.0.0.1, 2525", row.getString(1));
            assertEquals(null, row.getString(2));
        }
        clock.advance(Duration.ofSeconds(4));
        assertTrue(ledger.advance(null, null, null, Set.of(CAMPAIGN)).isEmpty(), "not before sending resumes");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(0, claim().attempts(), "no attempt used");
    }

    @Test
    void afterACrashTheRowsInFlightAreUnknownForGoodAndSentAgainUnderTheResendPolicy() {
        enqueue(CAMPAIGN, 2);
        claim();
        assertEquals(1, ledger.recoverOwn());
        DeliveryCounts counts = ledger.counts(CAMPAIGN);
        assertEquals(2, counts.get(DeliveryState.PENDING));
        assertEquals(1, counts.everUnknown());
        assertEquals(1, ledger.unknown(CAMPAIGN).size());
        DeliveryClaim again = claim();
        ledger.advance(again, SendOutcome.sent("250"), null, Set.of(CAMPAIGN));
        assertEquals(1, ledger.counts(CAMPAIGN).everUnknown(), "the ledger still says which one may have gone twice");
    }

    @Test
    void recoveryFindsTheRowsInFlightOfEveryUnfinishedCampaign() {
        enqueue(CAMPAIGN, 2);
        enqueue(CAMPAIGN + 1, 2);
        claim();
        ledger.advance(null, null, null, Set.of(CAMPAIGN + 1)).orElseThrow();
        assertEquals(2, ledger.recoverOwn());
        assertEquals(1, ledger.counts(CAMPAIGN).everUnknown());
        assertEquals(1, ledger.counts(CAMPAIGN + 1).everUnknown());
        assertEquals(2, ledger.counts(CAMPAIGN + 1).get(DeliveryState.PENDING), "sent again under the resend policy");
    }

    @Test
    void underTheReportPolicyUnknownRowsWaitForAPerson() {
        ledger.settings = settings("report");
        enqueue(CAMPAIGN, 1);
        claim();
        ledger.recoverOwn();
        assertEquals(1, ledger.counts(CAMPAIGN).get(DeliveryState.UNKNOWN));
        assertTrue(ledger.advance(null, null, null, Set.of(CAMPAIGN)).isEmpty());
    }

    @Test
    void anotherInstancesRowsAreOnlyRecoveredAfterTheirLease() {
        enqueue(CAMPAIGN, 1);
        claim();
        ledger.settings = settings("resend");
        ledger.settings.instanceName = Optional.of("other-instance");
        assertEquals(0, ledger.recoverOwn(), "not ours");
        assertEquals(0, ledger.recoverAbandoned(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(6));
        assertEquals(1, ledger.recoverAbandoned(Duration.ofMinutes(5)));
    }

    @Test
    void aBounceReportReadAgainAfterACrashIsRecordedOnce() throws Exception {
        assertTrue(ledger.bounce("<report-1@mta.example.org>", 7L, 70L, false, "4.2.2", "mailbox full"));
        assertFalse(ledger.bounce("<report-1@mta.example.org>", 7L, 70L, false, "4.2.2", "mailbox full"), "the same report again");
        assertTrue(ledger.bounce("<report-2@mta.example.org>", 7L, 70L, false, "4.2.2", "mailbox full"), "another report");
        assertTrue(ledger.bounce(null, 7L, 70L, true, "5.1.1", "no such user"));
        assertTrue(ledger.bounce(null, 7L, 70L, true, "5.1.1", "no such user"), "a report without Message-ID cannot be told apart");
        try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement();
             var rows = sql.executeQuery("SELECT COUNT(*) FROM bounce WHERE subscriber_id = 70")) {
            rows.next();
            assertEquals(4, rows.getInt(1));
        }
    }

    @Test
    void onlyTheGivenCampaignsAreClaimedAndCancellingLeavesNothingPending() {
        enqueue(CAMPAIGN + 1, 2);
        assertTrue(ledger.advance(null, null, null, Set.of(CAMPAIGN)).isEmpty(), "a paused campaign is not in the set");
        assertEquals(2, ledger.cancelPending(CAMPAIGN + 1, "cancelled"));
        assertTrue(ledger.advance(null, null, null, Set.of(CAMPAIGN + 1)).isEmpty());
        assertEquals(2, ledger.counts(CAMPAIGN + 1).get(DeliveryState.CANCELLED));
    }

    @Test
    void erasingASubscriberForgetsTheirAddressTheRelaysRepliesAndBouncesButKeepsTheCounts() throws Exception {
        enqueue(CAMPAIGN, 2);
        DeliveryClaim first = claim();
        ledger.advance(first, SendOutcome.permanent("550 5.1.1 <r0@example.org>: Recipient address rejected"), null, Set.of(CAMPAIGN));
        ledger.bounce("<report-r0@mta.example.org>", null, null, true, "5.1.1", "smtp; 550 5.1.1 <R0@example.org>... user unknown");
        ledger.bounce("<report-r0b@mta.example.org>", null, 1000L, true, "5.1.1", "smtp; 550 user unknown");
        ledger.bounce("<report-r1@mta.example.org>", null, 1001L, true, "5.1.1", "smtp; 550 5.1.1 <r1@example.org>... user unknown");

        ledger.onErased(new SubscriberErased(1000, "r0@example.org"));

        try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement()) {
            try (var rows = sql.executeQuery("SELECT COUNT(*) FROM delivery WHERE email = 'r0@example.org' OR subscriber_id = 1000"
                    + " OR LOWER(last_reply) LIKE '%r0@example.org%'")) {
                rows.next();
                assertEquals(0, rows.getInt(1), "no ledger row names the erased subscriber or quotes their address");
            }
            try (var rows = sql.executeQuery("SELECT diagnostic FROM bounce ORDER BY id")) {
                assertTrue(rows.next());
                assertTrue(rows.getString(1).contains("r1@example.org"), "another subscriber's bounce stays");
                assertFalse(rows.next(), "the erased subscriber's bounces, by id and by address, are gone");
            }
        }
        assertEquals(1, ledger.counts(CAMPAIGN).get(DeliveryState.FAILED), "the campaign's counts stay");
        assertEquals(2, ledger.counts(CAMPAIGN).total());
    }
}
