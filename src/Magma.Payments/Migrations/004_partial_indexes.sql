-- Every index a row enters is one more B-tree the single writer updates and one more page each group commit writes
-- to the WAL (and each checkpoint writes again). Indexes that serve a few rows only take those rows, so an ordinary
-- receive no longer enters them.

-- The reconciler reads this index for sends in flight and for idempotency reservations only; open invoices, which
-- are most transactions, stay out. Its queries name direction = 'Send' or stage = 'Reserved' as literals, which is
-- what lets SQLite see that the index holds every row they ask for.
DROP INDEX IF EXISTS ix_transactions_stage;
CREATE INDEX ix_transactions_stage ON transactions (stage, direction, updated_at) WHERE direction = 'Send' OR stage = 'Reserved';

-- No query reads webhook events by account: event listings are per environment (account_id IS NULL).
DROP INDEX IF EXISTS ix_webhook_events_account_created;
