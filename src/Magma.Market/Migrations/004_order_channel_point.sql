-- One channel is one sale. add_transaction checks this for a precise error; the index makes the check a lookup and
-- the database the final word, even for two reports racing in one batch.

CREATE UNIQUE INDEX ux_orders_channel_point ON orders (channel_point) WHERE channel_point IS NOT NULL;
