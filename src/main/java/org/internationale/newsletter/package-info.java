/**
 * Newsletters and campaigns. A newsletter is a document of the publishing feature (translated and reviewed like any
 * other) plus the published updates it includes; a campaign sends one newsletter to the confirmed subscribers of some
 * topics, each in the variant the one fallback rule picks from their own ordered languages over the approved ones.
 *
 * <p>Decisions: a campaign starts in one transaction that publishes the newsletter (sent newsletters are public and
 * searchable) and fills the delivery ledger, so two instances racing to start it cannot both succeed (optimistic
 * lock). Required languages hold a campaign back until approved; a send-by deadline cancels what is not out by then
 * rather than sending it late, checked at every claim. Each language variant is rendered once per campaign; only the
 * footer with the subscriber's signed links is per message. Message-IDs are derived from campaign and subscriber, so
 * a message resent after a crash is recognisable as the same one. No open or click tracking: who reads union mail is
 * nobody's business. The mail is a jte template ({@code boundary/mail.jte}); the editors' desk
 * ({@code /workspace/newsletters/…}, {@code /workspace/campaigns/…}) and {@code /api/admin/newsletters|campaigns}
 * show the same preview ({@code NewsletterPreview}) and the same progress ({@code CampaignProgress}).
 *
 * <p>Campaign steps (start, deadline, close) live in the database and are taken by a one-second schedule on every
 * instance, the safety net; where an instance knows a step is due (a send or resume request, its lanes out of
 * messages) a {@code CampaignStepDue} event has the schedule take it at once, through a timer in the schedule's own
 * container context — lanes started from other contexts inherited invocations that ended under them.
 */
package org.internationale.newsletter;
