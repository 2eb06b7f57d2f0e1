-- The reconciler looks for pending sends by stage and age every second. With only (stage, sandbox_due_at) and
-- (status, expires_at) to choose from, SQLite answered "pending sends" by walking every pending transaction, and
-- pending receives (open invoices) are most of them: the sweep grew with the number of open invoices. Keyed by
-- stage, direction and age, each stage's sends are one seek.
DROP INDEX IF EXISTS ix_transactions_stage;
CREATE INDEX ix_transactions_stage ON transactions (stage, direction, updated_at);
-- Due sandbox behaviours, in due order. Partial: only rows waiting for their behaviour are in it, so ordinary
-- inserts never write to it. The stage is a column too, although constant here: SQLite's planner counts the columns
-- a query constrains, and without it would prefer (stage, direction, updated_at) and sort.
CREATE INDEX ix_transactions_sandbox_due ON transactions (stage, sandbox_due_at) WHERE stage = 'SandboxScheduled';
