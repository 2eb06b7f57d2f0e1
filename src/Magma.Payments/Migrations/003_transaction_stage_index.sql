-- The reconciler looks for pending sends by stage and age every second. With only (stage, sandbox_due_at) and
-- (status, expires_at) to choose from, SQLite answered "pending sends" by walking every pending transaction, and
-- pending receives (open invoices) are most of them: the sweep grew with the number of open invoices. Keyed by
-- stage, direction and age, each stage's sends are one seek; the sandbox query still finds its few scheduled rows
-- by stage.
DROP INDEX ix_transactions_stage;
CREATE INDEX ix_transactions_stage ON transactions (stage, direction, updated_at);
