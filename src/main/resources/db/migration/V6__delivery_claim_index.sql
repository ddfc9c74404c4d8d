-- Claims take a campaign's lowest pending ids: with state and id in the index after the campaign, the database reads
-- them in order and stops after a few, instead of sorting all of a campaign's pending rows on every claim.
DROP INDEX delivery_by_campaign;
CREATE INDEX delivery_by_campaign ON delivery (campaign_id, state, id);
