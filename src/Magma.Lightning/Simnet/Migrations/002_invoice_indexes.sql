-- add_index and settle_index are per-node sequences, read as MAX(...) + 1 each time an invoice is added or settled,
-- and scanned by subscriptions resuming from an index: without these, each read walked all the node's invoices.

CREATE UNIQUE INDEX ux_sim_invoices_add_index ON sim_invoices (node_pubkey, add_index);
CREATE INDEX ix_sim_invoices_settle_index ON sim_invoices (node_pubkey, settle_index);
