/**
 * The demands of the platform as a campaign: each demand clause's status over time ({@code not met},
 * {@code partially met}, {@code won}, {@code rolled back}, with a date and a note) and the published updates about it.
 *
 * <p>Decisions: status history is append-only and the current status is the latest by date (then by entry), so a
 * correction is a new entry, never an edit. The demands' text comes from {@code platform} and the updates from
 * {@code publishing}, through their readers; this package adds only the status. Its faces: the JSON API
 * ({@code /api/demands}, {@code /api/admin/demands/{id}/status}), the reader's page of one demand
 * ({@code /{lang}/demands/{id}}) and the editors' status desk ({@code /workspace/demands}), all over
 * {@link org.internationale.demands.control.DemandBoard}; which clauses are demands is the platform's rule
 * ({@code PlatformReader.isDemand}).
 */
package org.internationale.demands;
