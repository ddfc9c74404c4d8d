package org.internationale.search.control;

import org.internationale.search.entity.SearchChange;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Where one index stands in the search change log: every change up to {@link #position()} is applied, and those above
 * it that were applied already are remembered so that they are not applied again each time the log is read.
 *
 * <p>Ids come from a sequence when a change is recorded, but become visible when its transaction commits, so a
 * missing id below applied ones can still arrive: the position waits at such a gap. It cannot wait for ever — a
 * rolled-back transaction or numbers the sequence skipped (H2 hands them out in blocks) leave gaps that never fill —
 * so after {@link #PATIENCE} it moves past the gap. A change whose transaction commits later than that after it was
 * recorded would be missed by other instances' indexes; the instance that made it indexes it through its own event.
 */
final class ChangeCursor {

    /** Longer than any transaction that records a change lasts. */
    static final Duration PATIENCE = Duration.ofMinutes(2);

    private long position;
    private final TreeSet<Long> appliedAbove = new TreeSet<>();
    private Instant stuckSince;

    ChangeCursor(long position) {
        this.position = position;
    }

    long position() {
        return position;
    }

    /** The changes read from the log that still need applying. */
    List<SearchChange> unapplied(List<SearchChange> read) {
        return read.stream().filter(change -> change.id() > position && !appliedAbove.contains(change.id())).toList();
    }

    /**
     * Notes changes as applied and moves the position over every id below which nothing is missing, or over a gap that
     * has lasted longer than {@link #PATIENCE}. Called on every reading of the log, also with nothing applied, so that
     * the patience runs out.
     *
     * @return whether the position moved
     */
    boolean applied(Collection<SearchChange> changes, Instant now) {
        long before = position;
        for (SearchChange change : changes) {
            if (change.id() > position) {
                appliedAbove.add(change.id());
            }
        }
        while (!appliedAbove.isEmpty()) {
            long lowest = appliedAbove.first();
            if (lowest == position + 1) {
                position = appliedAbove.pollFirst();
                stuckSince = null;
            } else if (stuckSince == null) {
                stuckSince = now;
                break;
            } else if (Duration.between(stuckSince, now).compareTo(PATIENCE) >= 0) {
                position = lowest - 1;
                stuckSince = null;
            } else {
                break;
            }
        }
        return position != before;
    }
}
