package org.internationale.subscribers.entity;

import org.internationale.locale.entity.LanguageTag;
import org.internationale.mailing.entity.EmailAddress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriberTest {

    private static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");
    private static final Duration GAP = Duration.ofMinutes(2);

    private static Subscriber pending() {
        return new Subscriber(EmailAddress.parse("ana@example.org"), List.of(LanguageTag.of("es"), LanguageTag.of("en")), Set.of("news"), NOON);
    }

    @Test
    void aStrangerCanCauseAtMostThreeMailsADayAndNeverTwoInAGap() {
        Subscriber subscriber = pending();
        assertTrue(subscriber.mayMail(NOON, 3, GAP));
        subscriber.mailed("h1", NOON.plus(Duration.ofDays(7)), NOON);
        assertFalse(subscriber.mayMail(NOON.plusSeconds(60), 3, GAP), "within the gap");
        subscriber.mailed("h2", NOON, NOON.plusSeconds(180));
        subscriber.mailed("h3", NOON, NOON.plusSeconds(360));
        assertFalse(subscriber.mayMail(NOON.plusSeconds(600), 3, GAP), "three today");
        assertTrue(subscriber.mayMail(NOON.plus(Duration.ofHours(25)), 3, GAP), "a new day");
        subscriber.mailed("h4", NOON, NOON.plus(Duration.ofHours(25)));
        assertEquals(1, subscriber.confirmMails(), "the count starts again after a day");
    }

    @Test
    void confirmingNeedsAnUnexpiredLinkAndHappensOnce() {
        Subscriber subscriber = pending();
        subscriber.mailed("hash", NOON.plus(Duration.ofDays(7)), NOON);
        assertFalse(subscriber.confirm(NOON.plus(Duration.ofDays(8))), "expired");
        assertTrue(subscriber.confirm(NOON.plusSeconds(5)));
        assertEquals(SubscriberState.CONFIRMED, subscriber.state());
        assertFalse(subscriber.confirm(NOON.plusSeconds(6)), "already used");
        assertTrue(subscriber.receivesCampaigns());
    }

    @Test
    void oneHardBounceOrThreeSoftOnesInARowStopTheAddress() {
        Subscriber hard = pending();
        hard.mailed("h", NOON.plusSeconds(100), NOON);
        hard.confirm(NOON);
        assertTrue(hard.bounced(true, "5.1.1 user unknown"));
        assertEquals(SubscriberState.STOPPED, hard.state());
        assertFalse(hard.receivesCampaigns());

        Subscriber soft = pending();
        soft.mailed("h", NOON.plusSeconds(100), NOON);
        soft.confirm(NOON);
        assertFalse(soft.bounced(false, "4.2.2 mailbox full"));
        assertFalse(soft.bounced(false, "4.2.2 mailbox full"));
        soft.delivered();
        assertFalse(soft.bounced(false, "4.2.2 mailbox full"), "only bounces in a row count");
        assertFalse(soft.bounced(false, "4.2.2 mailbox full"));
        assertTrue(soft.bounced(false, "4.2.2 mailbox full"));
    }

    @Test
    void aConfirmedSubscribersSettingsAreNotReopenedByAStrangersRequest() {
        Subscriber subscriber = pending();
        subscriber.mailed("h", NOON.plusSeconds(100), NOON);
        subscriber.confirm(NOON);
        assertThrows(IllegalStateException.class, () -> subscriber.requestAgain(EmailAddress.parse("ana@example.org"),
                List.of(LanguageTag.of("fr")), Set.of("news"), NOON));
        subscriber.leave(NOON);
        subscriber.requestAgain(EmailAddress.parse("ana@example.org"), List.of(LanguageTag.of("fr")), Set.of("alerts"), NOON);
        assertEquals(SubscriberState.PENDING, subscriber.state(), "after leaving, subscribing again is a new opt-in");
        assertEquals(LanguageTag.of("fr"), subscriber.firstLanguage());
    }
}
