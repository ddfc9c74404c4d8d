package org.internationale.mailing.entity;

/**
 * What a message in the bounce mailbox says. {@code deliveryId} comes from the VERP return path it was sent to;
 * {@code hard} is a permanent failure (status 5.x.x) as opposed to a temporary one (4.x.x, or delayed).
 */
public record BounceReport(Long deliveryId, Long unsubscribeId, boolean hard, String status, String diagnostic) {

    public boolean isUnsubscribe() {
        return unsubscribeId != null;
    }
}
