-- Simnet: the simulated Lightning network and chain that backs sandbox environments.

CREATE TABLE sim_blocks (
    height INTEGER NOT NULL PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    time TEXT NOT NULL
);

CREATE TABLE sim_nodes (
    pubkey TEXT NOT NULL PRIMARY KEY,
    private_key TEXT NOT NULL,
    alias TEXT NOT NULL,
    host TEXT NOT NULL,
    port INTEGER NOT NULL,
    sequence INTEGER NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE sim_peers (
    node_pubkey TEXT NOT NULL REFERENCES sim_nodes (pubkey),
    peer_pubkey TEXT NOT NULL REFERENCES sim_nodes (pubkey),
    connected_at TEXT NOT NULL,
    PRIMARY KEY (node_pubkey, peer_pubkey)
);

-- Keyed by node and hash: with same-hash escrow the seller's invoice and the engine's hold invoice share a hash.
CREATE TABLE sim_invoices (
    node_pubkey TEXT NOT NULL REFERENCES sim_nodes (pubkey),
    payment_hash TEXT NOT NULL,
    payment_request TEXT NOT NULL,
    preimage TEXT NULL,
    is_hold INTEGER NOT NULL,
    value_msat INTEGER NOT NULL,
    amount_paid_msat INTEGER NOT NULL,
    state TEXT NOT NULL,
    memo TEXT NULL,
    description_hash TEXT NULL,
    cltv_expiry INTEGER NOT NULL,
    htlc_expiry_height INTEGER NULL,
    add_index INTEGER NOT NULL,
    settle_index INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    settled_at TEXT NULL,
    PRIMARY KEY (node_pubkey, payment_hash)
);
CREATE INDEX ix_sim_invoices_open_expiry ON sim_invoices (state, expires_at);
CREATE INDEX ix_sim_invoices_htlc_expiry ON sim_invoices (state, htlc_expiry_height);

CREATE TABLE sim_payments (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    node_pubkey TEXT NOT NULL REFERENCES sim_nodes (pubkey),
    payment_hash TEXT NOT NULL,
    payment_request TEXT NOT NULL,
    destination TEXT NOT NULL,
    value_msat INTEGER NOT NULL,
    fee_msat INTEGER NOT NULL,
    status TEXT NOT NULL,
    preimage TEXT NULL,
    failure_reason TEXT NOT NULL,
    route TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_at TEXT NULL
);
CREATE INDEX ix_sim_payments_hash ON sim_payments (payment_hash, status);
CREATE INDEX ix_sim_payments_node ON sim_payments (node_pubkey, payment_hash);

CREATE TABLE sim_transactions (
    txid TEXT NOT NULL PRIMARY KEY,
    kind TEXT NOT NULL,
    fee_sat INTEGER NOT NULL,
    block_height INTEGER NULL,
    block_index INTEGER NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_sim_transactions_block ON sim_transactions (block_height);

CREATE TABLE sim_outputs (
    txid TEXT NOT NULL REFERENCES sim_transactions (txid),
    vout INTEGER NOT NULL,
    address TEXT NOT NULL,
    amount_sat INTEGER NOT NULL,
    owner_pubkey TEXT NULL,
    spent_by_txid TEXT NULL,
    PRIMARY KEY (txid, vout)
);
CREATE INDEX ix_sim_outputs_owner ON sim_outputs (owner_pubkey, spent_by_txid);
CREATE INDEX ix_sim_outputs_address ON sim_outputs (address);
CREATE INDEX ix_sim_outputs_spent_by ON sim_outputs (spent_by_txid);

CREATE TABLE sim_addresses (
    address TEXT NOT NULL PRIMARY KEY,
    owner_pubkey TEXT NOT NULL REFERENCES sim_nodes (pubkey),
    created_at TEXT NOT NULL
);

CREATE TABLE sim_channels (
    channel_point TEXT NOT NULL PRIMARY KEY,
    channel_id INTEGER NULL UNIQUE,
    opener_pubkey TEXT NOT NULL REFERENCES sim_nodes (pubkey),
    peer_pubkey TEXT NOT NULL REFERENCES sim_nodes (pubkey),
    capacity_sat INTEGER NOT NULL,
    push_sat INTEGER NOT NULL,
    opener_balance_msat INTEGER NOT NULL,
    peer_balance_msat INTEGER NOT NULL,
    private INTEGER NOT NULL,
    state TEXT NOT NULL,
    funding_txid TEXT NOT NULL,
    open_height INTEGER NULL,
    closing_txid TEXT NULL,
    close_height INTEGER NULL,
    close_type TEXT NULL,
    opener_base_fee_msat INTEGER NOT NULL,
    opener_fee_rate_ppm INTEGER NOT NULL,
    peer_base_fee_msat INTEGER NOT NULL,
    peer_fee_rate_ppm INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ix_sim_channels_opener ON sim_channels (opener_pubkey, state);
CREATE INDEX ix_sim_channels_peer ON sim_channels (peer_pubkey, state);
CREATE INDEX ix_sim_channels_funding ON sim_channels (funding_txid);
CREATE INDEX ix_sim_channels_closing ON sim_channels (closing_txid);
