-- Marketplace accounts own webhook endpoints too (order.status_changed). They live in the platform
-- environment and carry the owning account; payment events only go to endpoints without one.
ALTER TABLE webhook_endpoints ADD COLUMN account_id TEXT NULL;
ALTER TABLE webhook_events ADD COLUMN account_id TEXT NULL;
CREATE INDEX ix_webhook_endpoints_account ON webhook_endpoints (account_id);
CREATE INDEX ix_webhook_events_account_created ON webhook_events (account_id, created_at);
