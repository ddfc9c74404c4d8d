-- Subscribers, newsletters' contents, campaigns and the delivery ledger.

-- A subscriber: an address, the languages they read in order, and what they want to hear about.
-- email_key is the address as compared (domain lower-cased); the address as typed is kept for sending.
CREATE SEQUENCE subscriber_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE subscriber (
    id                 BIGINT        PRIMARY KEY,
    email              VARCHAR(320)  NOT NULL,
    email_key          VARCHAR(320)  NOT NULL UNIQUE,
    languages          VARCHAR(400)  NOT NULL,
    state              VARCHAR(16)   NOT NULL CHECK (state IN ('PENDING', 'CONFIRMED', 'LEFT', 'STOPPED')),
    paused             BOOLEAN       NOT NULL,
    confirm_token_hash VARCHAR(64),
    confirm_expires_at TIMESTAMP WITH TIME ZONE,
    confirm_mails      INTEGER       NOT NULL,
    last_confirm_mail  TIMESTAMP WITH TIME ZONE,
    soft_bounces       INTEGER       NOT NULL,
    stop_reason        VARCHAR(500),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at       TIMESTAMP WITH TIME ZONE,
    left_at            TIMESTAMP WITH TIME ZONE,
    version            BIGINT        NOT NULL
);
CREATE INDEX subscriber_by_token ON subscriber (confirm_token_hash);

CREATE TABLE subscriber_topic (
    subscriber_id BIGINT      NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
    topic         VARCHAR(40) NOT NULL,
    PRIMARY KEY (subscriber_id, topic)
);
CREATE INDEX subscriber_topic_by_topic ON subscriber_topic (topic, subscriber_id);

-- The published updates a newsletter carries, in order.
CREATE TABLE newsletter_item (
    newsletter_id BIGINT  NOT NULL REFERENCES document (id),
    position      INTEGER NOT NULL,
    document_id   BIGINT  NOT NULL REFERENCES document (id),
    PRIMARY KEY (newsletter_id, position)
);

-- One sending of one newsletter to the confirmed subscribers of some topics.
CREATE SEQUENCE campaign_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE campaign (
    id                 BIGINT        PRIMARY KEY,
    newsletter_id      BIGINT        NOT NULL REFERENCES document (id),
    topics             VARCHAR(1000) NOT NULL,
    required_languages VARCHAR(1000) NOT NULL,
    state              VARCHAR(16)   NOT NULL CHECK (state IN ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'SENT', 'CANCELLED')),
    send_at            TIMESTAMP WITH TIME ZONE,
    send_by            TIMESTAMP WITH TIME ZONE,
    base_url           VARCHAR(500)  NOT NULL,
    created_by         VARCHAR(64)   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE,
    finished_at        TIMESTAMP WITH TIME ZONE,
    note               VARCHAR(1000),
    version            BIGINT        NOT NULL
);
CREATE INDEX campaign_by_state ON campaign (state);

-- The delivery ledger: one row per campaign and subscriber, moved pending -> sending -> sent | failed | unknown,
-- committed around each SMTP transaction. unknown_at stays set once a crash left the row's fate unknown, even after
-- a resend, so the ledger can always say which messages may have gone out twice.
CREATE SEQUENCE delivery_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE delivery (
    id              BIGINT        PRIMARY KEY,
    campaign_id     BIGINT        NOT NULL REFERENCES campaign (id),
    subscriber_id   BIGINT,
    email           VARCHAR(320),
    domain          VARCHAR(255)  NOT NULL,
    language        VARCHAR(64)   NOT NULL,
    wanted_language VARCHAR(64)   NOT NULL,
    state           VARCHAR(12)   NOT NULL CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'UNKNOWN', 'CANCELLED')),
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by      VARCHAR(200),
    claimed_at      TIMESTAMP WITH TIME ZONE,
    sent_at         TIMESTAMP WITH TIME ZONE,
    unknown_at      TIMESTAMP WITH TIME ZONE,
    last_reply      VARCHAR(1000),
    UNIQUE (campaign_id, subscriber_id)
);
CREATE INDEX delivery_claim ON delivery (state, next_attempt_at, id);
CREATE INDEX delivery_by_campaign ON delivery (campaign_id, state);
CREATE INDEX delivery_by_subscriber ON delivery (subscriber_id);

-- Delivery status reports read from the bounce mailbox.
CREATE SEQUENCE bounce_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE bounce (
    id            BIGINT        PRIMARY KEY,
    delivery_id   BIGINT,
    subscriber_id BIGINT,
    hard          BOOLEAN       NOT NULL,
    status        VARCHAR(20),
    diagnostic    VARCHAR(1000),
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX bounce_by_subscriber ON bounce (subscriber_id);

-- Secrets the instances share, e.g. the key that signs subscribers' links. Created by the first instance to need one.
CREATE TABLE shared_secret (
    name   VARCHAR(64)  PRIMARY KEY,
    secret VARCHAR(200) NOT NULL
);
