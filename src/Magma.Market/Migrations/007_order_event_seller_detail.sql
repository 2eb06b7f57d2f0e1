-- Timeline text only the order's seller and operators may read. A failed seller payout used to put the node's error
-- in the message the buyer reads too: those rows keep the error here and a neutral message, as new rows are written.

ALTER TABLE order_events ADD COLUMN seller_detail TEXT NULL;

UPDATE order_events
SET seller_detail = substr(message, instr(message, ': ') + 2),
    message = 'Seller payout failed' || substr(message, length('Paying the seller failed') + 1, instr(message, ': ') - length('Paying the seller failed') - 1) || '.'
WHERE trigger = 'payout.failed' AND message LIKE 'Paying the seller failed (attempt %' AND instr(message, ': ') > 0;
