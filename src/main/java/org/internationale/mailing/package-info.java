/**
 * Getting mail out and knowing what happened to it: SMTP through Payara's Jakarta Mail (Angus) or, without
 * {@code SMTP_HOST}, {@code .eml} files in {@code DATA_DIR/outbox}; DKIM signing; VERP return paths; the delivery
 * ledger; rate limits; bounce reports.
 *
 * <p>Decisions (docs/decisions/0008-mail-delivery.md): the ledger is committed around every SMTP transaction, so a
 * crash leaves at most one message per open connection with an unknown fate, and recovery names them; claims use
 * {@code FOR UPDATE SKIP LOCKED} so instances share a campaign without double sends; a temporary refusal is retried
 * with exponential backoff, a permanent one fails the row; rate limits put a message back for later instead of
 * blocking a lane; DKIM is simple-java-mail's maintained signer, not our own cryptography, with {@code relaxed/simple}
 * canonicalisation (its relaxed body canonicalisation was a seventh of a lane's CPU); a stalled SMTP write is
 * cut off by a once-a-second watch over our own sockets ({@code SmtpSockets}) rather than by Jakarta Mail's write
 * timeout, which schedules a timer task for every write; a kept-open connection is used without a {@code NOOP}
 * probe before each message ({@code MailConnection}): a relay that hung up shows at the next {@code MAIL FROM}, before
 * anything of that message can have been accepted, and the message goes again over a new connection. Mail sent at an
 * anonymous request has one throttle ({@code MailRequestThrottle}, in memory) and one daily cap per address
 * ({@code DailyMailCap}, in the database so every instance keeps it, addresses only hashed); beyond the cap nothing
 * is sent and nothing is said. Addresses stay out of logs; erasing a subscriber clears the relay replies, bounces,
 * cap rows and outbox files that could name them.
 *
 * <p>Subscribers send through this feature, so it knows them only by the events it declares: the subscribers feature
 * fires {@code SubscriberErased}, {@code SubscriptionEnded} and {@code SubscriberExport}, which the ledger, the cap
 * and the outbox observe; bounce handling fires {@code RecipientBounced} and {@code UnsubscribeMailed}, which the
 * subscribers feature observes to count bounces and end subscriptions.
 */
package org.internationale.mailing;
