package org.internationale.newsletter.entity;

/**
 * This instance knows a campaign step is due now — a campaign was sent or resumed, or its last sending lane ran out
 * of messages — so the step need not wait for the schedule's next tick.
 *
 * @param reason for the log: what made the step due
 */
public record CampaignStepDue(String reason) {
}
