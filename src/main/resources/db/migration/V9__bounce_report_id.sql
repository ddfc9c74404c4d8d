-- The Message-ID of the report a bounce came in: the mailbox is emptied after the reports are recorded, so a crash in
-- between has the next reading find them again; a report already recorded is then deleted without counting twice.
ALTER TABLE bounce ADD COLUMN report_id VARCHAR(998);
CREATE UNIQUE INDEX bounce_report ON bounce (report_id);
