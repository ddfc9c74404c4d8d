package org.internationale.mirror.entity;

import java.time.Instant;

/**
 * Where the mirror stands: {@code never}, {@code running}, {@code done} or {@code failed}, with the counts of the
 * last export (files in the mirror, written because new or changed, left as they were, removed as gone from the site).
 */
public record MirrorState(String state, String folder, Instant startedAt, Instant finishedAt, int pages, int files, int written,
                          int unchanged, int removed, long bytes, Integer edition, String canonical, String error) {

    public static MirrorState never(String folder) {
        return new MirrorState("never", folder, null, null, 0, 0, 0, 0, 0, 0, null, null, null);
    }

    public MirrorState running(Instant at) {
        return new MirrorState("running", folder, at, null, pages, files, written, unchanged, removed, bytes, edition, canonical, null);
    }

    public MirrorState failed(Instant at, String reason) {
        return new MirrorState("failed", folder, startedAt, at, pages, files, written, unchanged, removed, bytes, edition, canonical, reason);
    }

    public boolean isRunning() {
        return "running".equals(state);
    }
}
