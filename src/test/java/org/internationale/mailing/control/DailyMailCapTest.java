package org.internationale.mailing.control;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daily cap of mails to one address, on the production schema: shared by every instance, keeping no address. */
class DailyMailCapTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T10:00:00Z"));
    private TestDatabase database;
    private DailyMailCap cap;

    @BeforeEach
    void cap() {
        database = new TestDatabase();
        cap = instance();
    }

    /** Another instance (or this one after a restart): nothing but the database in common. */
    private DailyMailCap instance() {
        DailyMailCap instance = new DailyMailCap();
        instance.dataSource = database.dataSource();
        instance.clock = clock;
        return instance;
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anAddressGetsItsDailyShareWhoeverSendsAndHoweverItIsSpeltThenNothingUntilADayHasPassed() {
        DailyMailCap other = instance();
        for (int i = 1; i <= DailyMailCap.MAILS_PER_DAY; i++) {
            DailyMailCap sender = i % 2 == 0 ? cap : other;
            assertTrue(sender.take(i % 2 == 0 ? "Victim@Example.org" : " victim@example.org"), "mail " + i);
            clock.advance(Duration.ofHours(1));
        }
        assertFalse(cap.take("victim@example.org"));
        assertFalse(other.take("VICTIM@example.org"));
        assertTrue(cap.take("someone-else@example.org"), "another address is not held back");

        clock.advance(Duration.ofHours(19));
        assertTrue(cap.take("victim@example.org"), "the first mail is a day old: one place is free again");
        assertFalse(cap.take("victim@example.org"));
    }

    @Test
    void theTableHoldsNoAddressAndForgetsAnErasedSubscriberAndOldRows() throws Exception {
        cap.take("victim@example.org");
        cap.take("other@example.org");
        assertEquals(0, count("SELECT COUNT(*) FROM mail_cap WHERE address_hash LIKE '%@%'"));
        cap.onErased(new SubscriberErased(7, "Victim@example.org"));
        assertEquals(1, count("SELECT COUNT(*) FROM mail_cap"));

        clock.advance(DailyMailCap.DAY.plusSeconds(1));
        cap.take("third@example.org");
        assertEquals(1, count("SELECT COUNT(*) FROM mail_cap"), "rows older than a day go as new ones come");
    }

    private int count(String query) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
