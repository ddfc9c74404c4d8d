package org.internationale.newsletter.entity;

import org.internationale.locale.entity.LanguageTag;
import org.internationale.mailing.entity.DeliveryCounts;
import org.internationale.mailing.entity.RelayPause;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a campaign stands — the one view behind the campaign page and {@code /api/admin/campaigns}: its settings,
 * its ledger's rows per state, how far it is, and, while sending pauses because the relay cannot be reached, why and
 * until when ({@code relayUnreachable}).
 *
 * @param settled rows whose delivery is over one way or another (neither waiting nor in flight)
 */
public record CampaignProgress(long id, long newsletterId, String state, List<String> topics, List<String> requiredLanguages,
                               Instant at, Instant sendBy, String note, Instant createdAt, Instant startedAt, Instant finishedAt,
                               long total, Map<String, Long> counts, long everUnknown, long sentLastMinute, long settled,
                               int percentDone, RelayPause relayUnreachable) {

    public static CampaignProgress of(Campaign c, DeliveryCounts counts, Optional<RelayPause> outage) {
        long settled = counts.settled();
        return new CampaignProgress(c.id(), c.newsletterId(), c.state().label(), List.copyOf(c.topics()),
                c.requiredLanguages().stream().map(LanguageTag::value).toList(), c.sendAt().orElse(null), c.sendBy().orElse(null),
                c.note().orElse(null), c.createdAt(), c.startedAt().orElse(null), c.finishedAt().orElse(null),
                counts.total(), counts.byState(), counts.everUnknown(), counts.sentLastMinute(), settled,
                counts.total() == 0 ? 0 : (int) (settled * 100 / counts.total()),
                c.state() == CampaignState.SENDING ? outage.orElse(null) : null);
    }
}
