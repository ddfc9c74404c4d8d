-- Mails sent at someone's anonymous request (confirmation links, "you are subscribed already"), one row per mail,
-- so that every instance enforces one daily cap per address. The address is kept only as the SHA-256 of its
-- lower-cased form; rows older than a day are deleted as new ones come.
CREATE TABLE mail_cap (
    address_hash VARCHAR(64)              NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX mail_cap_by_address ON mail_cap (address_hash, sent_at);
CREATE INDEX mail_cap_by_time ON mail_cap (sent_at);
