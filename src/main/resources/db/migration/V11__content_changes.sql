-- Every change that alters what readers see (a publication, a translation, a source revision, a demand's status, an
-- edition, a signature shown), written in the transaction that makes it. Each instance's page cache follows the newest
-- id and forgets its rendered pages when it moves, so no instance serves a page older than its last look. Rows older
-- than a day are removed: only the newest id matters.
CREATE SEQUENCE content_change_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE content_change (
    id          BIGINT PRIMARY KEY,
    what        VARCHAR(200) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX content_change_at ON content_change (changed_at);
