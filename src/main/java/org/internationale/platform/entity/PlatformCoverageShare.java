package org.internationale.platform.entity;

/**
 * How much of the platform a language's readers get in their language, as shares of its texts: {@code reviewed}
 * current and approved by a reviewer; {@code awaitingReview} current but not yet approved (submitted, or a draft
 * newer than any approval); {@code complete} the two together — the rest reaches readers in another language.
 */
public record PlatformCoverageShare(double complete, double reviewed, double awaitingReview) {

    public static final PlatformCoverageShare NONE = new PlatformCoverageShare(0, 0, 0);
    public static final PlatformCoverageShare SOURCE = new PlatformCoverageShare(1, 1, 0);

    public PlatformCoverageShare rounded() {
        return new PlatformCoverageShare(round(complete), round(reviewed), round(awaitingReview));
    }

    private static double round(double share) {
        return Math.round(share * 1000) / 1000.0;
    }
}
