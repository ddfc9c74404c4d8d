package org.internationale.platform.control;

import org.internationale.locale.entity.LanguageTag;
import org.internationale.platform.entity.PlatformCoverageShare;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The coverage is worked out again after an approval, a source revision or a minute, and not in between. */
class PlatformCoverageTest {

    private final PlatformCoverage coverage = new PlatformCoverage();
    private int workedOut;
    private Runnable duringWork = () -> { };
    private Instant now = Instant.parse("2026-11-26T18:00:00Z");

    @BeforeEach
    void wire() {
        coverage.reader = new PlatformReader() {
            @Override
            public Map<LanguageTag, PlatformCoverageShare> coverage() {
                workedOut++;
                duringWork.run();
                return Map.of(LanguageTag.of("es"), new PlatformCoverageShare(workedOut / 10.0, workedOut / 10.0, 0));
            }
        };
        coverage.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    @Test
    void keptUntilSomethingChangesOrAMinutePasses() {
        assertEquals(0.1, coverage.current().get(LanguageTag.of("es")).complete());
        assertEquals(0.1, coverage.current().get(LanguageTag.of("es")).complete());
        assertEquals(1, workedOut, "the second request is answered from what the first worked out");

        coverage.onApproved(null);
        assertEquals(0.2, coverage.current().get(LanguageTag.of("es")).complete(), "an approval counts at once");
        coverage.onRevised(null);
        coverage.current();
        assertEquals(3, workedOut, "so does a revised source");
        coverage.onContentChanged(null);
        coverage.current();
        assertEquals(4, workedOut, "and any change readers see, a translation submitted for review among them");

        now = now.plus(PlatformCoverage.FRESH).minus(Duration.ofSeconds(1));
        coverage.current();
        assertEquals(4, workedOut);
        now = now.plus(Duration.ofSeconds(1));
        coverage.current();
        assertEquals(5, workedOut, "another instance's approvals show within a minute");
    }

    @Test
    void whatWasWorkedOutWhileAnApprovalCommittedIsNotKept() {
        duringWork = () -> coverage.onApproved(null);
        coverage.current();
        duringWork = () -> { };
        coverage.current();
        assertEquals(2, workedOut, "the first answer may have missed the approval");
        coverage.current();
        assertEquals(2, workedOut);
    }
}
