-- When a failed seller payout may be tried again: failures back off instead of paying into a dead node on every sweep.

ALTER TABLE orders ADD COLUMN payout_retry_at TEXT NULL;
