using System.Security.Cryptography;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Errors;
using Magma.Market.Escrow;
using Magma.Market.Offers;
using Magma.Market.Orders;
using Magma.Market.Pricing;
using Magma.Payments.Access;
using Magma.Payments.Errors;
using Magma.Payments.Transactions;
using Microsoft.Extensions.Options;

namespace Magma.Market.Lsps1;

/// <summary>
/// Writes LSPS1 orders onto the engine. A house order gets its hold invoice first and then appears in one unit,
/// already accepted (CREATED, then SELLER_ACCEPT, exactly as the house seller accepts), with its LSPS1 row: a
/// reader never sees it half made, and create_order costs few commits. A marketplace order is placed for its
/// seller's approval like any other.
/// </summary>
public sealed class Lsps1Placement(
    SqliteDatabase database,
    MarketPlatform platform,
    HoldInvoiceService holds,
    OrderTransitions transitions,
    Lsps1ClientAccount clients,
    TimeProvider time,
    IOptions<MarketOptions> market)
{
    public async Task<(Order Order, Lsps1Order Lsps1)> House(Offer offer, Lsps1Request request, Lsps1Order lsps1, CancellationToken cancellationToken)
    {
        var preimage = RandomNumberGenerator.GetBytes(32);
        var order = NewOrder(offer, request, lsps1, sellerFee: lsps1.FeeTotalSat, platformFee: 0);
        (order.Preimage, order.PaymentHash) = (Convert.ToHexStringLower(preimage), Convert.ToHexStringLower(SHA256.HashData(preimage)));
        // The escrow invoice's transaction and the order commit in one unit: an order never exists without its
        // invoice's transaction, and when the order cannot be placed (its offer's liquidity was just taken) the issuer
        // cancels the node's invoice so it can never be paid. No idempotency key: nothing retries a create_order.
        await holds.Create<MarketDbContext>(Caller.AdminCaller, new InvoiceRequest(platform.WalletId, order.BuyerAmountSat * 1000,
            $"Magma channel order {order.Id}", market.Value.Timeouts.BuyerPayment, Metadata: $"{{\"order_id\":\"{order.Id}\"}}",
            HoldPaymentHash: order.PaymentHash, CltvExpiry: market.Value.HoldInvoiceCltvExpiry), async (db, hold) =>
        {
            await Insert(db, order, lsps1, "Order placed over LSPS1 with the house seller.");
            (order.HoldTransactionId, order.BuyerInvoice, order.PaymentDeadline) = (hold.Id, hold.PaymentRequest, hold.ExpiresAt);
            await transitions.Fire(db, order, OrderTrigger.SellerAccept, "The house seller accepted the order.");
        }, cancellationToken);
        return (order, lsps1);
    }

    /// <summary>An order an automated marketplace seller must still accept with its own same-hash invoice.</summary>
    public async Task<Order> Marketplace(Offer offer, Lsps1Request request, Lsps1Order lsps1)
    {
        var quote = OrderPricing.Quote(offer, lsps1.LspBalanceSat, market.Value.PlatformFeePpm);
        var order = NewOrder(offer, request, lsps1, quote.SellerFee, quote.PlatformFee);
        order.SellerApprovalDeadline = order.CreatedAt + market.Value.Timeouts.SellerApproval;
        await database.Write<MarketDbContext>(async db =>
        {
            await Insert(db, order, lsps1, "Order placed over LSPS1; waiting for the automated seller's approval.");
            await db.SaveChangesAsync();
        });
        return order;
    }

    // Recording CREATED locks the offer's liquidity, or fails the unit when another order just took it.
    private async Task Insert(MarketDbContext db, Order order, Lsps1Order lsps1, string message)
    {
        db.Insert(order);
        db.Insert(lsps1);
        await transitions.Record(db, order, null, "CREATED", message);
    }

    private Order NewOrder(Offer offer, Lsps1Request request, Lsps1Order lsps1, long sellerFee, long platformFee)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new Order
        {
            Id = lsps1.OrderId, OfferId = offer.Id, Source = OrderSource.Lsps1, Status = OrderStatus.WaitingForSellerApproval,
            PaymentStatus = OrderPaymentStatus.PendingPayment, IsHouse = offer.IsHouse, IsPrivate = !request.AnnounceChannel,
            BuyerAccountId = clients.Id, SellerAccountId = offer.AccountId, BuyerPubkey = request.PublicKey ?? "", SellerPubkey = offer.Pubkey,
            SizeSat = lsps1.LspBalanceSat, PushSat = lsps1.ClientBalanceSat, SellerFeeSat = sellerFee, PlatformFeeSat = platformFee,
            BuyerAmountSat = lsps1.OrderTotalSat,
            // The house keeps the channel as long as the client asked; a marketplace seller only qualifies by promising at least that.
            LockedMinBlockLength = offer.IsHouse ? (int)Math.Min(int.MaxValue, lsps1.ChannelExpiryBlocks) : offer.MinBlockLength,
            LockedFeeRate = offer.FeeRatePpm, LockedBaseFee = offer.BaseFeeSat, LockedFeeRateCap = offer.FeeRateCapPpm, LockedBaseFeeCap = offer.BaseFeeCapSat,
            RequiredConfirmations = offer.IsHouse ? request.RequiredChannelConfirmations : Math.Max(request.RequiredChannelConfirmations, market.Value.Confirmations),
            FundingTargetBlocks = request.FundingConfirmsWithinBlocks, SettleAtBroadcast = offer.IsHouse,
            CreatedAt = now, UpdatedAt = now,
        };
    }
}
