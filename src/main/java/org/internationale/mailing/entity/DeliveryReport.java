package org.internationale.mailing.entity;

import java.time.Duration;
import java.util.Objects;

/**
 * What became of one claimed row, for the ledger to record with the lane's next claim.
 *
 * @param outcome the relay's answer; null when the message was put back before it was sent (a rate limit, the relay
 *                paused, the instance stopping)
 * @param delay   with no outcome or {@code UNREACHABLE}: back to pending for this long, without using an attempt
 */
public record DeliveryReport(DeliveryClaim claim, SendOutcome outcome, Duration delay) {

    public DeliveryReport {
        Objects.requireNonNull(claim, "claim");
        if (outcome == null && delay == null) {
            throw new IllegalArgumentException("a message put back needs the time it waits");
        }
    }

    public static DeliveryReport of(DeliveryClaim claim, SendOutcome outcome) {
        return new DeliveryReport(claim, outcome, null);
    }

    /** Not sent: pending again after {@code wait}, its attempts untouched. */
    public static DeliveryReport putBack(DeliveryClaim claim, Duration wait) {
        return new DeliveryReport(claim, null, wait);
    }
}
