-- Every change that alters what search shows, written in the transaction that makes it. Each instance's search index
-- follows this log from a position kept in the index's own commit data, so a change made on another instance, or one
-- whose index update a crash cut off after the commit, still reaches every index. Rows are kept for seven days.
CREATE SEQUENCE search_change_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE search_change (
    id          BIGINT PRIMARY KEY,
    target      VARCHAR(400) NOT NULL,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX search_change_at ON search_change (changed_at);
