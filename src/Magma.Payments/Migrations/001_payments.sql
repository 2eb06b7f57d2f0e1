-- Payments core: environments, credentials, wallets, transactions, the ledger and webhooks.

CREATE TABLE environments (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT NULL
);

CREATE TABLE wallets (
    id TEXT NOT NULL PRIMARY KEY,
    environment_id TEXT NOT NULL REFERENCES environments (id),
    name TEXT NOT NULL,
    asset_id TEXT NOT NULL,
    -- LNbits-style keys, stored as SHA-256 hashes only.
    invoice_key_hash TEXT NULL UNIQUE,
    admin_key_hash TEXT NULL UNIQUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT NULL
);
CREATE INDEX ix_wallets_environment ON wallets (environment_id);

CREATE TABLE api_keys (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    environment_id TEXT NOT NULL REFERENCES environments (id),
    wallet_id TEXT NULL REFERENCES wallets (id),
    key_hash TEXT NOT NULL UNIQUE,
    key_prefix TEXT NOT NULL,
    key_suffix TEXT NOT NULL,
    permissions TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    expires_at TEXT NULL,
    last_used_at TEXT NULL,
    revoked_at TEXT NULL
);
CREATE INDEX ix_api_keys_environment ON api_keys (environment_id);

-- Amounts are in the wallet asset's base unit: millisatoshis for BTC, micro-units for stablecoins.
CREATE TABLE transactions (
    id TEXT NOT NULL PRIMARY KEY,
    environment_id TEXT NOT NULL REFERENCES environments (id),
    wallet_id TEXT NOT NULL REFERENCES wallets (id),
    direction TEXT NOT NULL,
    status TEXT NOT NULL,
    stage TEXT NOT NULL,
    asset_id TEXT NOT NULL,
    amount INTEGER NOT NULL,
    amount_msat INTEGER NOT NULL,
    fee_msat INTEGER NOT NULL,
    fee_reserve_msat INTEGER NOT NULL,
    settle_amount INTEGER NULL,
    exchange_rate TEXT NULL,
    payment_hash TEXT NULL,
    payment_request TEXT NULL,
    preimage TEXT NULL,
    description TEXT NULL,
    description_hash TEXT NULL,
    metadata TEXT NULL,
    error TEXT NULL,
    idempotency_key TEXT NOT NULL,
    sandbox_behavior TEXT NULL,
    sandbox_due_at TEXT NULL,
    is_hold INTEGER NOT NULL,
    is_internal INTEGER NOT NULL,
    lightning_address TEXT NULL,
    webhook_url TEXT NULL,
    webhook_status TEXT NULL,
    extra TEXT NULL,
    expires_at TEXT NULL,
    held_at TEXT NULL,
    settled_at TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- Idempotency is enforced here, not by a prior lookup: concurrent duplicates collide on this index.
CREATE UNIQUE INDEX ux_transactions_idempotency ON transactions (wallet_id, idempotency_key);
CREATE INDEX ix_transactions_hash ON transactions (payment_hash);
CREATE INDEX ix_transactions_wallet_created ON transactions (wallet_id, created_at);
CREATE INDEX ix_transactions_environment_created ON transactions (environment_id, created_at);
CREATE INDEX ix_transactions_status_expiry ON transactions (status, expires_at);
CREATE INDEX ix_transactions_stage ON transactions (stage, sandbox_due_at);

CREATE TABLE transaction_events (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    transaction_id TEXT NOT NULL REFERENCES transactions (id),
    event_type TEXT NOT NULL,
    message TEXT NOT NULL,
    details TEXT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_transaction_events_transaction ON transaction_events (transaction_id);

-- The ledger is the truth for balances. Each transaction posts each kind of entry at most once,
-- so a settlement handled twice (event plus sweep) cannot credit twice.
CREATE TABLE ledger_entries (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    wallet_id TEXT NOT NULL REFERENCES wallets (id),
    transaction_id TEXT NULL REFERENCES transactions (id),
    kind TEXT NOT NULL,
    amount INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_ledger_wallet ON ledger_entries (wallet_id, kind);
CREATE UNIQUE INDEX ux_ledger_transaction_kind ON ledger_entries (transaction_id, kind) WHERE transaction_id IS NOT NULL;

CREATE TABLE webhook_endpoints (
    id TEXT NOT NULL PRIMARY KEY,
    environment_id TEXT NOT NULL REFERENCES environments (id),
    url TEXT NOT NULL,
    event_filters TEXT NOT NULL,
    active INTEGER NOT NULL,
    -- Kept in plaintext: signing with HMAC needs the secret itself.
    secret TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT NULL
);
CREATE INDEX ix_webhook_endpoints_environment ON webhook_endpoints (environment_id);

CREATE TABLE webhook_events (
    id TEXT NOT NULL PRIMARY KEY,
    environment_id TEXT NOT NULL REFERENCES environments (id),
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    transaction_id TEXT NULL,
    wallet_id TEXT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_webhook_events_environment_created ON webhook_events (environment_id, created_at);
CREATE INDEX ix_webhook_events_transaction ON webhook_events (transaction_id);

-- One row per delivery attempt; the newest PENDING row of an event and target is the work still to do.
CREATE TABLE webhook_deliveries (
    id TEXT NOT NULL PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES webhook_events (id),
    endpoint_id TEXT NULL REFERENCES webhook_endpoints (id),
    target_url TEXT NOT NULL,
    -- Set when the target expects its own body (an LNbits-style invoice webhook); otherwise the event payload is sent.
    body TEXT NULL,
    attempt_number INTEGER NOT NULL,
    status TEXT NOT NULL,
    http_status INTEGER NULL,
    error_message TEXT NULL,
    next_attempt_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_event ON webhook_deliveries (event_id);
