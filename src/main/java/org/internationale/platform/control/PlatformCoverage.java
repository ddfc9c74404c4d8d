package org.internationale.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.internationale.locale.entity.LanguageTag;
import org.internationale.platform.entity.PlatformCoverageShare;
import org.internationale.system.entity.ContentChanged;
import org.internationale.text.entity.SourceRevised;
import org.internationale.translation.entity.TranslationApproved;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How complete the platform is in each offered language, kept between requests. Working it out loads every platform
 * translation with its revisions (70–140 ms with 20 languages, measured, whatever else is published), and it changes only
 * when a translation is approved or a source revised: those commits clear it here at once. Another instance's
 * approvals, and changes that announce no event (a seed import at start-up), show within {@link #FRESH}.
 */
@ApplicationScoped
public class PlatformCoverage {

    static final Duration FRESH = Duration.ofMinutes(1);

    @Inject
    PlatformReader reader;

    @Inject
    Clock clock;

    /** Coverage as worked out at a moment, after a number of changes. */
    private record Known(Map<LanguageTag, PlatformCoverageShare> coverage, Instant at, long afterChanges) {
    }

    private final AtomicLong changes = new AtomicLong();
    private final AtomicReference<Known> known = new AtomicReference<>();

    /** For each offered language, the shares of the platform's texts a reader gets current in it, reviewed or not. */
    public Map<LanguageTag, PlatformCoverageShare> current() {
        Instant now = clock.instant();
        Known last = known.get();
        if (last != null && last.afterChanges() == changes.get() && now.isBefore(last.at().plus(FRESH))) {
            return last.coverage();
        }
        long before = changes.get();
        Map<LanguageTag, PlatformCoverageShare> coverage = Collections.unmodifiableMap(new LinkedHashMap<>(reader.coverage()));
        // a change committed while this was being worked out may not be in it: answer with it, do not keep it
        if (changes.get() == before) {
            known.set(new Known(coverage, now, before));
        }
        return coverage;
    }

    void onApproved(@Observes(during = TransactionPhase.AFTER_SUCCESS) TranslationApproved approved) {
        changes.incrementAndGet();
    }

    void onRevised(@Observes(during = TransactionPhase.AFTER_SUCCESS) SourceRevised revised) {
        changes.incrementAndGet();
    }

    /** Any change readers see, a translation saved or submitted among them: its share awaiting review moves. */
    void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged changed) {
        changes.incrementAndGet();
    }
}
