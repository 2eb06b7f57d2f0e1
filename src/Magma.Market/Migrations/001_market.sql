-- Marketplace: accounts and their keys, offers, orders and the order timeline.

CREATE TABLE accounts (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE account_keys (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    key_prefix TEXT NOT NULL,
    key_suffix TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT NULL,
    revoked_at TEXT NULL
);
CREATE INDEX ix_account_keys_account ON account_keys (account_id);

-- One account per node: the pubkey is the key.
CREATE TABLE account_nodes (
    pubkey TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    verified_at TEXT NOT NULL
);
CREATE INDEX ix_account_nodes_account ON account_nodes (account_id);

CREATE TABLE login_challenges (
    id TEXT NOT NULL PRIMARY KEY,
    pubkey TEXT NOT NULL,
    message TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT NULL
);

CREATE TABLE offers (
    id TEXT NOT NULL PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    pubkey TEXT NOT NULL,
    status TEXT NOT NULL,
    total_size_sat INTEGER NOT NULL,
    min_size_sat INTEGER NOT NULL,
    max_size_sat INTEGER NOT NULL,
    min_block_length INTEGER NOT NULL,
    fee_rate_ppm INTEGER NOT NULL,
    base_fee_sat INTEGER NOT NULL,
    fee_rate_cap_ppm INTEGER NOT NULL,
    base_fee_cap_sat INTEGER NOT NULL,
    onchain_priority TEXT NOT NULL,
    onchain_multiplier INTEGER NOT NULL,
    conditions TEXT NOT NULL,
    is_house INTEGER NOT NULL,
    is_automated INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_offers_status ON offers (status);
CREATE INDEX ix_offers_account ON offers (account_id);

CREATE TABLE orders (
    id TEXT NOT NULL PRIMARY KEY,
    offer_id TEXT NOT NULL REFERENCES offers (id),
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    payment_status TEXT NOT NULL,
    is_house INTEGER NOT NULL,
    is_private INTEGER NOT NULL,
    buyer_account_id TEXT NOT NULL REFERENCES accounts (id),
    seller_account_id TEXT NULL,
    buyer_pubkey TEXT NOT NULL,
    buyer_socket TEXT NULL,
    seller_pubkey TEXT NOT NULL,
    size_sat INTEGER NOT NULL,
    push_sat INTEGER NOT NULL,
    seller_fee_sat INTEGER NOT NULL,
    platform_fee_sat INTEGER NOT NULL,
    buyer_amount_sat INTEGER NOT NULL,
    usd_cents INTEGER NULL,
    locked_min_block_length INTEGER NOT NULL,
    locked_fee_rate INTEGER NOT NULL,
    locked_base_fee INTEGER NOT NULL,
    locked_fee_rate_cap INTEGER NOT NULL,
    locked_base_fee_cap INTEGER NOT NULL,
    payment_hash TEXT NULL,
    preimage TEXT NULL,
    seller_invoice TEXT NULL,
    hold_transaction_id TEXT NULL,
    buyer_invoice TEXT NULL,
    payout_transaction_id TEXT NULL,
    payout_attempts INTEGER NOT NULL,
    open_attempted_at TEXT NULL,
    settle_at_broadcast INTEGER NOT NULL,
    required_confirmations INTEGER NOT NULL,
    funding_target_blocks INTEGER NULL,
    channel_point TEXT NULL,
    channel_id INTEGER NULL,
    funding_confirmations INTEGER NOT NULL,
    chain_checked_height INTEGER NULL,
    confirmation_height INTEGER NULL,
    htlc_expiry_height INTEGER NULL,
    htlc_deadline_height INTEGER NULL,
    monitoring_end_height INTEGER NULL,
    closed_blocks_before_min INTEGER NULL,
    fee_above_cap_seconds INTEGER NOT NULL,
    fee_checked_at TEXT NULL,
    seller_approval_deadline TEXT NULL,
    payment_deadline TEXT NULL,
    channel_open_deadline TEXT NULL,
    accepted_at TEXT NULL,
    paid_at TEXT NULL,
    funding_broadcast_at TEXT NULL,
    confirmed_at TEXT NULL,
    channel_seen_at TEXT NULL,
    validated_at TEXT NULL,
    finished_at TEXT NULL,
    failed_at TEXT NULL,
    escrow_settled_at TEXT NULL,
    escrow_cancelled_at TEXT NULL,
    redirect_url TEXT NULL,
    failure_reason TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- A seller invoice's hash is escrowed once: the unique index refuses a second order on the same hash.
CREATE UNIQUE INDEX ux_orders_payment_hash ON orders (payment_hash) WHERE payment_hash IS NOT NULL;
-- Deadline sweeps read only in-flight orders of one status, by deadline.
CREATE INDEX ix_orders_approval_due ON orders (status, seller_approval_deadline);
CREATE INDEX ix_orders_payment_due ON orders (status, payment_deadline);
CREATE INDEX ix_orders_open_due ON orders (status, channel_open_deadline);
CREATE INDEX ix_orders_htlc_due ON orders (status, htlc_deadline_height);
CREATE INDEX ix_orders_monitoring_due ON orders (status, monitoring_end_height);
CREATE INDEX ix_orders_chain_due ON orders (status, chain_checked_height);
-- Orders whose buyer payment is neither settled nor cancelled: a small set however many orders finished.
CREATE INDEX ix_orders_escrow_unresolved ON orders (status) WHERE payment_hash IS NOT NULL AND escrow_settled_at IS NULL AND escrow_cancelled_at IS NULL;
CREATE INDEX ix_orders_offer_status ON orders (offer_id, status);
CREATE INDEX ix_orders_buyer ON orders (buyer_account_id, created_at);
CREATE INDEX ix_orders_seller ON orders (seller_account_id, created_at);

CREATE TABLE order_events (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL REFERENCES orders (id),
    from_status TEXT NULL,
    to_status TEXT NOT NULL,
    trigger TEXT NOT NULL,
    payment_status TEXT NOT NULL,
    message TEXT NOT NULL,
    details TEXT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_order_events_order ON order_events (order_id);

-- Settings the marketplace keeps for itself, such as its platform wallet.
CREATE TABLE market_settings (
    key TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
