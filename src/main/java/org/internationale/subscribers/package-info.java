/**
 * Subscribers: who wants the newsletter, in which languages (an ordered list of BCP 47 tags, offered or not yet —
 * the coverage report counts the readers of languages we do not serve yet), about which topics, and their consent.
 *
 * <p>Decisions: double opt-in, where the mailed link opens a page and only its button (a POST) confirms, because mail
 * scanners fetch links; subscribe answers 202 whatever the address, so it reveals no reader; a stranger can cause at
 * most three subscription mails a day to an address and can never change a confirmed subscriber's settings (they get
 * a mail with their own preference link instead); the limits shared with every other anonymous request that sends
 * mail (per client, per address, five mails a day) belong to mailing ({@code MailRequestThrottle},
 * {@code DailyMailCap}); preference and unsubscribe links are HMAC-signed with a key kept in the
 * database so every instance accepts them, and they never expire (RFC 8058). Addresses are for admins only. Export
 * and erasure (GDPR) reach the other features' records through the {@code SubscriberExport} and
 * {@code SubscriberErased} events (declared by mailing, which sends for us and observes them), so this feature never
 * reads their tables; the erasure event carries the address, because some copies (a
 * relay's reply quoted in a bounce, an outbox file) are found only by it. A statement signature with the same contact
 * address is an organisation's separate act and is not erased with the subscriber.
 */
package org.internationale.subscribers;
