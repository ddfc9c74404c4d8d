/**
 * The demands of the platform as a campaign: each demand clause's status over time ({@code not met},
 * {@code partially met}, {@code won}, {@code rolled back}, with a date and a note) and the published updates about it.
 *
 * <p>Decisions: status history is append-only and the current status is the latest by date (then by entry), so a
 * correction is a new entry, never an edit. The demands' text comes from {@code platform} and the updates from
 * {@code publishing}, through their readers; this package adds only the status.
 */
package org.internationale.demands;
