-- Tokens are stored only as SHA-256 hashes; the Chatwoot API token and the inbox signing secret only
-- as AES-256-GCM ciphertext (nonce || ciphertext || tag) with the id of the key that made it.

CREATE TABLE accounts (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL,
    token_hash  bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Names are unique server-wide: the WhatsApp engine addresses instances by name alone.
CREATE TABLE instances (
    id          uuid        PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name        text        NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9_-]{1,64}$'),
    token_hash  bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at  timestamptz NOT NULL
);
CREATE INDEX instances_account_id_idx ON instances (account_id);

CREATE TABLE chatwoot_integrations (
    id                       text        PRIMARY KEY CHECK (id LIKE 'int\_%'),
    instance_id              uuid        NOT NULL UNIQUE REFERENCES instances (id) ON DELETE CASCADE,
    base_url                 text        NOT NULL,
    chatwoot_account_id      bigint      NOT NULL CHECK (chatwoot_account_id > 0),
    api_token_key_id         text        NOT NULL,
    api_token_ciphertext     bytea       NOT NULL,
    inbox_id                 bigint      NOT NULL,
    inbox_name               text        NOT NULL,
    webhook_secret_hash      bytea       NOT NULL UNIQUE CHECK (length(webhook_secret_hash) = 32),
    inbox_secret_key_id      text        NULL,
    inbox_secret_ciphertext  bytea       NULL,
    sign_messages            boolean     NOT NULL,
    ignore_groups            boolean     NOT NULL,
    start_as_pending         boolean     NOT NULL,
    reopen_resolved          boolean     NOT NULL,
    status                   text        NOT NULL CHECK (status IN ('active', 'paused', 'error')),
    last_error               text        NOT NULL DEFAULT '',
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    CHECK ((inbox_secret_key_id IS NULL) = (inbox_secret_ciphertext IS NULL))
);

-- Idempotency-Key claims. A row without a response is a request still running.
CREATE TABLE idempotency_keys (
    account_id    uuid        NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    operation     text        NOT NULL,
    key           text        NOT NULL,
    fingerprint   bytea       NOT NULL,
    response      text        NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, operation, key)
);
CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at);
