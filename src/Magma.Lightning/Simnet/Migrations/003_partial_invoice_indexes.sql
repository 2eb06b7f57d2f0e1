-- A new invoice has no HTLC deadline and no settle index yet. Indexing only the invoices that have them keeps every
-- invoice insert out of two B-trees (one page fewer each per group commit). The readers match: "HTLCs expiring by
-- height" compares htlc_expiry_height, and the next settle index is read as MAX over settle_index > 0.
DROP INDEX IF EXISTS ix_sim_invoices_htlc_expiry;
CREATE INDEX ix_sim_invoices_htlc_expiry ON sim_invoices (state, htlc_expiry_height) WHERE htlc_expiry_height IS NOT NULL;
DROP INDEX IF EXISTS ix_sim_invoices_settle_index;
CREATE INDEX ix_sim_invoices_settle_index ON sim_invoices (node_pubkey, settle_index) WHERE settle_index > 0;
