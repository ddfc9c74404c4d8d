package org.internationale.mailing.entity;

/**
 * Who one ledger row is for, and in which language they get the message ({@code language}) though they asked for
 * {@code wantedLanguage}: the two differ when the campaign falls back.
 */
public record Recipient(long subscriberId, String email, String domain, String language, String wantedLanguage) {
}
