-- Segments: the one mechanism for everything translatable (see org.internationale.text).
-- Sequences start at 50 and step by 50 to match EclipseLink's allocationSize.
CREATE SEQUENCE segment_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE source_revision_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE translation_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE translation_revision_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE account_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE segment (
    id              BIGINT       PRIMARY KEY,
    segment_key     VARCHAR(200) NOT NULL UNIQUE,
    source_language VARCHAR(64)  NOT NULL,
    version         BIGINT       NOT NULL
);

CREATE TABLE source_revision (
    id          BIGINT       PRIMARY KEY,
    segment_id  BIGINT       NOT NULL REFERENCES segment (id),
    number      INTEGER      NOT NULL,
    text        TEXT         NOT NULL,
    change_kind VARCHAR(16)  NOT NULL CHECK (change_kind IN ('TYPO', 'WORDING', 'MEANING')),
    author      VARCHAR(100) NOT NULL,
    message     VARCHAR(500),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT source_revision_number UNIQUE (segment_id, number)
);

CREATE TABLE translation (
    id           BIGINT      PRIMARY KEY,
    segment_id   BIGINT      NOT NULL REFERENCES segment (id),
    language     VARCHAR(64) NOT NULL,
    review_state VARCHAR(16) NOT NULL CHECK (review_state IN ('DRAFT', 'SUBMITTED', 'APPROVED')),
    version      BIGINT      NOT NULL,
    CONSTRAINT translation_language UNIQUE (segment_id, language)
);
CREATE INDEX translation_by_language ON translation (language);

CREATE TABLE translation_revision (
    id                BIGINT       PRIMARY KEY,
    translation_id    BIGINT       NOT NULL REFERENCES translation (id),
    number            INTEGER      NOT NULL,
    text              TEXT         NOT NULL,
    based_on_revision INTEGER      NOT NULL,
    translated_from   VARCHAR(64),
    author            VARCHAR(100) NOT NULL,
    message           VARCHAR(500),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT translation_revision_number UNIQUE (translation_id, number)
);

-- The platform: sections and clauses over segments. Ids are the stable ids from content/.
-- retired_at: when the seed files stopped naming it; retired rows keep their history and come back if named again.
CREATE TABLE platform_section (
    id               VARCHAR(150) PRIMARY KEY,
    parent_id        VARCHAR(150) REFERENCES platform_section (id),
    position         INTEGER      NOT NULL,
    numeral          VARCHAR(16),
    title_segment_id BIGINT       NOT NULL REFERENCES segment (id),
    retired_at       TIMESTAMP WITH TIME ZONE
);

CREATE TABLE platform_clause (
    id         VARCHAR(200) PRIMARY KEY,
    section_id VARCHAR(150) NOT NULL REFERENCES platform_section (id),
    position   INTEGER      NOT NULL,
    form       VARCHAR(16)  NOT NULL CHECK (form IN ('PARAGRAPH', 'ITEM')),
    segment_id BIGINT       NOT NULL UNIQUE REFERENCES segment (id),
    retired_at TIMESTAMP WITH TIME ZONE
);

-- People who log in. Roles and language grants are separate rows so that later roles need no migration.
CREATE TABLE account (
    id            BIGINT       PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL UNIQUE,
    display_name  VARCHAR(200) NOT NULL,
    email         VARCHAR(320),
    password_hash VARCHAR(400) NOT NULL,
    active        BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT       NOT NULL
);

CREATE TABLE account_role (
    account_id BIGINT      NOT NULL REFERENCES account (id),
    role       VARCHAR(32) NOT NULL,
    PRIMARY KEY (account_id, role)
);

CREATE TABLE account_language (
    account_id BIGINT      NOT NULL REFERENCES account (id),
    language   VARCHAR(64) NOT NULL,
    PRIMARY KEY (account_id, language)
);
