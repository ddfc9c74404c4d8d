-- API tokens: only a SHA-256 of the secret is stored; the secret is shown once when created.
CREATE SEQUENCE api_token_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE audit_event_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE api_token (
    id           BIGINT       PRIMARY KEY,
    account_id   BIGINT       NOT NULL REFERENCES account (id),
    name         VARCHAR(100) NOT NULL,
    prefix       VARCHAR(16)  NOT NULL,
    secret_hash  VARCHAR(64)  NOT NULL UNIQUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    version      BIGINT       NOT NULL
);
CREATE INDEX api_token_by_account ON api_token (account_id);

ALTER TABLE account ADD COLUMN last_login_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE account ADD COLUMN deactivated_at TIMESTAMP WITH TIME ZONE;

-- Who changed what, when: one row per write through the API and per security event. Append-only.
CREATE TABLE audit_event (
    id         BIGINT       PRIMARY KEY,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor      VARCHAR(64),
    action     VARCHAR(64)  NOT NULL,
    target     VARCHAR(500),
    status     INTEGER,
    client     VARCHAR(64),
    detail     VARCHAR(2000)
);
CREATE INDEX audit_event_by_time ON audit_event (at);
