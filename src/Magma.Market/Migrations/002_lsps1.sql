-- LSPS1 (bLIP-51) orders: the request mirror and the on-chain payment option of an engine order.

CREATE TABLE lsps1_orders (
    order_id TEXT NOT NULL PRIMARY KEY REFERENCES orders (id),
    route TEXT NOT NULL,
    lsp_balance_sat INTEGER NOT NULL,
    client_balance_sat INTEGER NOT NULL,
    required_channel_confirmations INTEGER NOT NULL,
    funding_confirms_within_blocks INTEGER NOT NULL,
    channel_expiry_blocks INTEGER NOT NULL,
    announce_channel INTEGER NOT NULL,
    token TEXT NOT NULL,
    public_key TEXT NULL,
    refund_onchain_address TEXT NULL,
    created_at_text TEXT NOT NULL,
    fee_total_sat INTEGER NOT NULL,
    order_total_sat INTEGER NOT NULL,
    onchain_address TEXT NULL,
    onchain_min_confirmations INTEGER NOT NULL,
    onchain_min_fee_for0_conf INTEGER NULL,
    onchain_watch_until TEXT NULL,
    onchain_received_sat INTEGER NOT NULL,
    onchain_kept_sat INTEGER NOT NULL,
    onchain_refunded_sat INTEGER NOT NULL,
    onchain_paid_at TEXT NULL,
    onchain_refund_pending_sat INTEGER NULL,
    onchain_refund_pending_net_sat INTEGER NULL,
    onchain_refund_claimed_at TEXT NULL,
    onchain_refund_txid TEXT NULL,
    onchain_refunded_at TEXT NULL
);
-- One fresh wallet address per order: a payment maps to exactly one order.
CREATE UNIQUE INDEX ux_lsps1_orders_onchain_address ON lsps1_orders (onchain_address) WHERE onchain_address IS NOT NULL;
-- The on-chain watcher reads only addresses still watched.
CREATE INDEX ix_lsps1_orders_onchain_watch ON lsps1_orders (onchain_watch_until) WHERE onchain_address IS NOT NULL;

-- An order paid on-chain has no HTLC to settle or cancel: the escrow branches on this.
ALTER TABLE orders ADD COLUMN paid_onchain INTEGER NOT NULL DEFAULT 0;
