-- Documents: updates, statements, pages and newsletters over segments doc:<id>.title, .summary and .body.
CREATE SEQUENCE document_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE document (
    id              BIGINT       PRIMARY KEY,
    type            VARCHAR(16)  NOT NULL CHECK (type IN ('UPDATE', 'STATEMENT', 'PAGE', 'NEWSLETTER')),
    slug            VARCHAR(100) UNIQUE,
    source_language VARCHAR(64)  NOT NULL,
    state           VARCHAR(16)  NOT NULL CHECK (state IN ('DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED')),
    publish_at      TIMESTAMP WITH TIME ZONE,
    published_at    TIMESTAMP WITH TIME ZONE,
    coordinated     BOOLEAN      NOT NULL,
    revision        INTEGER      NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL
);
CREATE INDEX document_published ON document (state, type, published_at);

CREATE TABLE document_demand (
    document_id BIGINT       NOT NULL REFERENCES document (id),
    clause_id   VARCHAR(200) NOT NULL,
    PRIMARY KEY (document_id, clause_id)
);

-- A coordinated release: these languages go out together, once all are approved.
CREATE TABLE document_release_language (
    document_id BIGINT      NOT NULL REFERENCES document (id),
    language    VARCHAR(64) NOT NULL,
    PRIMARY KEY (document_id, language)
);

-- The languages a published document is out in, and since when.
CREATE TABLE document_language (
    document_id  BIGINT      NOT NULL REFERENCES document (id),
    language     VARCHAR(64) NOT NULL,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (document_id, language)
);

-- Each demand's status over time; the latest by date is current.
CREATE SEQUENCE demand_status_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE demand_status (
    id          BIGINT        PRIMARY KEY,
    clause_id   VARCHAR(200)  NOT NULL,
    status      VARCHAR(16)   NOT NULL CHECK (status IN ('NOT_MET', 'PARTIALLY_MET', 'WON', 'ROLLED_BACK')),
    status_date DATE          NOT NULL,
    note        VARCHAR(2000),
    author      VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX demand_status_by_clause ON demand_status (clause_id, status_date);

-- Immutable numbered editions of the platform: the whole platform as each language's reader saw it.
CREATE TABLE platform_edition (
    number       INTEGER      PRIMARY KEY,
    published_at TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by VARCHAR(64)  NOT NULL,
    note         VARCHAR(1000)
);
CREATE TABLE platform_edition_language (
    edition_number INTEGER     NOT NULL REFERENCES platform_edition (number),
    language       VARCHAR(64) NOT NULL,
    platform_json  TEXT        NOT NULL,
    PRIMARY KEY (edition_number, language)
);

-- Co-signatures of statements: confirmed by e-mail, then moderated.
CREATE SEQUENCE signature_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE signature (
    id                 BIGINT        PRIMARY KEY,
    document_id        BIGINT        NOT NULL REFERENCES document (id),
    organisation       VARCHAR(200)  NOT NULL,
    country            VARCHAR(100)  NOT NULL,
    email              VARCHAR(320)  NOT NULL,
    language           VARCHAR(64)   NOT NULL,
    token_hash         VARCHAR(64)   NOT NULL UNIQUE,
    token_expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    statement_revision INTEGER       NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at       TIMESTAMP WITH TIME ZONE,
    moderation         VARCHAR(16)   NOT NULL CHECK (moderation IN ('PENDING', 'APPROVED', 'REJECTED')),
    moderated_by       VARCHAR(64),
    moderated_at       TIMESTAMP WITH TIME ZONE,
    version            BIGINT        NOT NULL
);
CREATE INDEX signature_by_document ON signature (document_id);
