-- A deadline index only needs the orders that have that deadline. Each order used to enter all six (status, deadline)
-- indexes at creation, NULLs included, and every status change moved its entry in each of them. A new LSPS1 order
-- has a payment deadline only, so it now skips four B-trees (three partial, one dropped); the sweeps compare the deadline, which implies IS NOT
-- NULL, so SQLite still seeks these. The payment and chain indexes stay whole: every order has a payment deadline or
-- soon will, and the chain sweep also asks for orders never checked (chain_checked_height IS NULL).
DROP INDEX IF EXISTS ix_orders_approval_due;
CREATE INDEX ix_orders_approval_due ON orders (status, seller_approval_deadline) WHERE seller_approval_deadline IS NOT NULL;
DROP INDEX IF EXISTS ix_orders_open_due;
CREATE INDEX ix_orders_open_due ON orders (status, channel_open_deadline) WHERE channel_open_deadline IS NOT NULL;
DROP INDEX IF EXISTS ix_orders_htlc_due;
CREATE INDEX ix_orders_htlc_due ON orders (status, htlc_deadline_height) WHERE htlc_deadline_height IS NOT NULL;
-- Monitoring loads its orders by id; no query reads this one.
DROP INDEX IF EXISTS ix_orders_monitoring_due;
