package org.internationale.mailing.entity;

/** A ledger row a lane has claimed (now {@code sending}) and must send and then report on. */
public record DeliveryClaim(long id, long campaignId, long subscriberId, String email, String domain, String language,
                            int attempts) {
}
