-- The chain tip when the buyer's payment was held. A channel whose funding confirmed before it cannot be the channel
-- this order bought: validation compares the two.

ALTER TABLE orders ADD COLUMN paid_height INTEGER NULL;
