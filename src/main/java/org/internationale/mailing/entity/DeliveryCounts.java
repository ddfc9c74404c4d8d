package org.internationale.mailing.entity;

import java.util.Map;

/**
 * A campaign's ledger summed up: rows per state, how many were ever left {@code unknown} by a crash, and messages
 * sent in the last minute.
 */
public record DeliveryCounts(Map<String, Long> byState, long everUnknown, long sentLastMinute) {

    public long get(DeliveryState state) {
        return byState.getOrDefault(state.label(), 0L);
    }

    public long total() {
        return byState.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows whose delivery is over one way or another: neither waiting nor in flight. */
    public long settled() {
        return total() - get(DeliveryState.PENDING) - get(DeliveryState.SENDING);
    }

    /** Nothing left to send or in flight. */
    public boolean finished() {
        return get(DeliveryState.PENDING) == 0 && get(DeliveryState.SENDING) == 0;
    }
}
