package org.internationale.text.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.internationale.system.entity.ContentChanged;
import org.internationale.text.entity.ChangeKind;
import org.internationale.text.entity.Segment;
import org.internationale.text.entity.SegmentKey;
import org.internationale.text.entity.SourceRevised;
import org.internationale.text.entity.SourceRevision;
import org.internationale.text.entity.StaleRevisionException;

import java.time.Clock;
import java.util.Optional;

/**
 * Revises source text. The writer names the revision they edited; if someone else saved since, the edit is
 * refused (409) rather than silently overwriting theirs. The segment's optimistic lock catches the race
 * between two writers who both saw the same latest revision.
 */
@ApplicationScoped
public class SourceEditor {

    @Inject
    Event<ContentChanged> contentChanged;

    @Inject
    SegmentStore store;

    @Inject
    Event<SourceRevised> revised;

    @Inject
    Clock clock;

    /** @return the new revision, or empty when the text is unchanged */
    @Transactional
    public Optional<SourceRevision> revise(Segment segment, String text, int baseRevision, ChangeKind kind,
                                           String author, String message) {
        contentChanged.fire(new ContentChanged("source text"));
        SourceRevision latest = segment.latest();
        if (baseRevision != latest.number()) {
            throw new StaleRevisionException("Segment " + segment.key(), baseRevision, latest.number(), latest.text());
        }
        Optional<SourceRevision> revision = segment.revise(text, kind, author, message, clock.instant());
        revision.ifPresent(r -> revised.fire(new SourceRevised(segment.key(), r.number(), r.changeKind(), author)));
        return revision;
    }

    @Transactional
    public Optional<SourceRevision> revise(SegmentKey key, String text, int baseRevision, ChangeKind kind,
                                           String author, String message) {
        Segment segment = store.find(key).orElseThrow(() -> new IllegalStateException("no segment " + key));
        return revise(segment, text, baseRevision, kind, author, message);
    }
}
