-- Liquidity locked per offer as a counter, so placing an order costs one conditional UPDATE instead of a SUM over
-- every order the offer ever had. Orders lock their size when created and release it when they fail.

ALTER TABLE offers ADD COLUMN locked_sat INTEGER NOT NULL DEFAULT 0;

UPDATE offers SET locked_sat = COALESCE((
    SELECT SUM(size_sat) FROM orders
    WHERE orders.offer_id = offers.id
      AND orders.status NOT IN ('SellerRejected', 'SellerFailedToReact', 'BuyerRejected', 'BuyerFailedToPay',
                                'SellerFailedToOpenChannel', 'SellerFailedToSendSwap', 'InvalidChannelOpening', 'AdminClosed')), 0);

