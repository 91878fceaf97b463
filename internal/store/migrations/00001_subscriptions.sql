-- The subscription state, in SQL that SQLite and PostgreSQL both read: no serial types (ids come
-- from the program), times as TIMESTAMP holding UTC, states as checked text. River's job tables
-- come from River's own migrations.

-- +goose Up
CREATE TABLE subscribers (
    id           BIGINT NOT NULL PRIMARY KEY,
    address      TEXT NOT NULL,
    address_key  TEXT NOT NULL UNIQUE,
    language     TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('pending', 'confirmed')),
    created_at   TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP
);
-- The cleanup reads pending ones by age; a fan-out pages through confirmed ones by id.
CREATE INDEX subscribers_state_created ON subscribers (state, created_at);
CREATE INDEX subscribers_state_id ON subscribers (state, id);

-- A subscriber without rows here has chosen every component.
CREATE TABLE subscriber_components (
    subscriber_id BIGINT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    component     TEXT NOT NULL,
    PRIMARY KEY (subscriber_id, component)
);
CREATE INDEX subscriber_components_component ON subscriber_components (component);

-- Only the SHA-256 of a token is kept: a copy of the database confirms and unsubscribes nobody.
CREATE TABLE tokens (
    hash          TEXT NOT NULL PRIMARY KEY,
    subscriber_id BIGINT NOT NULL REFERENCES subscribers (id) ON DELETE CASCADE,
    purpose       TEXT NOT NULL CHECK (purpose IN ('confirm', 'manage')),
    expires_at    TIMESTAMP NOT NULL
);
CREATE INDEX tokens_subscriber ON tokens (subscriber_id);
CREATE INDEX tokens_expires ON tokens (expires_at);

-- When an address was last sent a confirmation, known or not, so that nobody can make the server
-- mail a victim more than once an hour.
CREATE TABLE confirmations_sent (
    address_key TEXT NOT NULL PRIMARY KEY,
    sent_at     TIMESTAMP NOT NULL
);

-- Every event ever seen, sent or recorded as history, by its stable id.
CREATE TABLE events (
    id          TEXT NOT NULL PRIMARY KEY,
    recorded_at TIMESTAMP NOT NULL,
    deliveries  INTEGER NOT NULL
);

-- Addresses (kind 'email', by address key) and webhook channels (kind 'webhook', by name) that
-- failed permanently and are sent nothing more.
CREATE TABLE failures (
    kind      TEXT NOT NULL CHECK (kind IN ('email', 'webhook')),
    target    TEXT NOT NULL,
    reason    TEXT NOT NULL,
    failed_at TIMESTAMP NOT NULL,
    PRIMARY KEY (kind, target)
);

-- +goose Down
DROP TABLE failures;
DROP TABLE events;
DROP TABLE confirmations_sent;
DROP TABLE tokens;
DROP TABLE subscriber_components;
DROP TABLE subscribers;
