-- Review of translations: who approved or sent back the latest revision, when, and why.
ALTER TABLE translation ADD COLUMN reviewed_by VARCHAR(64);
ALTER TABLE translation ADD COLUMN reviewed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE translation ADD COLUMN review_comment VARCHAR(2000);
-- The revision readers get: the last one a reviewer approved, while a newer draft waits for review.
ALTER TABLE translation ADD COLUMN approved_revision INTEGER;
UPDATE translation SET approved_revision =
    (SELECT MAX(r.number) FROM translation_revision r WHERE r.translation_id = translation.id)
    WHERE review_state = 'APPROVED';

-- Approved terms per language. do_not_translate: the source term must appear unchanged (organisation names).
CREATE SEQUENCE glossary_term_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE glossary_term (
    id               BIGINT        PRIMARY KEY,
    language         VARCHAR(64)   NOT NULL,
    source_term      VARCHAR(200)  NOT NULL,
    target_term      VARCHAR(200),
    do_not_translate BOOLEAN       NOT NULL,
    note             VARCHAR(1000),
    created_by       VARCHAR(64)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT glossary_term_unique UNIQUE (language, source_term)
);

-- A segment no longer shown anywhere (its platform clause left the seed files) is retired: its history stays,
-- translators are no longer asked to work on it.
ALTER TABLE segment ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
