-- delivery_claim (state, next_attempt_at, id) served no claim, but every claim and report rewrote it (each changes the
-- state), and PostgreSQL's planner could take it for the report's "id = ? AND state = 'SENDING'" — a generic plan did,
-- on a copy of this schema — scanning every entry a row in flight ever left in it, so the cost grew with the campaign.
-- The same ledger work took 270–330 µs of CPU per message without it and 280–870 µs with it (pgbench, 20 000 rows,
-- four clients, three runs each). Recovery finds rows in flight through delivery_by_campaign instead.
DROP INDEX delivery_claim;
