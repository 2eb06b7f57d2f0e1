using Magma.Lightning;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Storage;
using Magma.Market.Accounts;
using Magma.Market.Errors;
using Magma.Market.Escrow;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Magma.Market.Orders;

/// <summary>
/// What a seller does with an order: accept it with its own invoice, reject it, or report the channel's funding
/// outpoint. Each is one conditional transition; in a wrong state it fails with a stable code and changes nothing.
/// </summary>
public sealed class SellerOperations(
    OrderAccess access,
    OrderTransitions transitions,
    EscrowService escrow,
    MarketPlatform platform,
    ChainProgress chain,
    TimeProvider time,
    IOptions<MarketOptions> options,
    ILogger<SellerOperations> logger)
{
    /// <summary>
    /// The seller's invoice must decode on the engine's network, be issued by the offer's node, be for exactly the
    /// seller amount, stay payable long enough, and carry a hash no order used before. The buyer then gets a hold
    /// invoice with that same hash.
    /// </summary>
    public async Task Accept(MarketCaller caller, string? orderId, string? paymentRequest, CancellationToken cancellationToken = default)
    {
        var order = await access.Load(caller, orderId, OrderRole.Seller);
        var invoice = CheckInvoice(order, paymentRequest);
        try
        {
            order = await transitions.Change(order.Id, (_, o) =>
            {
                // Claim the order for this acceptance; a second accept (or one after a reject) stops here.
                if (o.Status != OrderStatus.WaitingForSellerApproval || o.PaymentHash is not null)
                    throw new MagmaException(MarketErrors.InvalidOrderState, $"The order is {OrderNames.Of(o.Status)}; SELLER_ACCEPT is not possible now.");
                (o.PaymentHash, o.SellerInvoice) = (invoice.PaymentHash, invoice.PaymentRequest);
                return Task.CompletedTask;
            });
        }
        catch (Exception ex) when (SqliteErrors.IsUniqueViolation(ex))
        {
            throw new MagmaException(MarketErrors.PaymentHashInUse, "This invoice's payment hash was already used for another order; create a fresh invoice.", "payment_request");
        }

        Magma.Payments.Data.PaymentTransaction hold;
        try
        {
            hold = await escrow.IssueBuyerInvoice(order, cancellationToken);
        }
        catch (Exception ex)
        {
            // No buyer invoice came of it (a reused hash, the node unavailable): give the order back for another acceptance.
            await Unclaim(order.Id);
            if (ex is MagmaException { Error: var error } && error == PaymentErrors.DuplicatePaymentHash)
                throw new MagmaException(MarketErrors.PaymentHashInUse, "This invoice's payment hash is already in use; create a fresh invoice.", "payment_request");
            throw;
        }
        try
        {
            await transitions.Fire(order.Id, OrderTrigger.SellerAccept, "The seller accepted the order.", o =>
                (o.HoldTransactionId, o.BuyerInvoice, o.PaymentDeadline) = (hold.Id, hold.PaymentRequest, hold.ExpiresAt));
        }
        catch (MagmaException)
        {
            // Lost to a concurrent reject or close: the buyer must never be able to pay this invoice.
            logger.LogInformation("Order {OrderId} changed while it was being accepted; cancelling the buyer invoice", order.Id);
            // The winner (a cancel, a close) may have marked the escrow cancelled before this invoice existed.
            var lost = await access.Load(MarketCaller.AdminCaller, order.Id);
            lost.EscrowCancelledAt = null;
            await escrow.Cancel(lost, null, "the acceptance lost to another change");
            throw;
        }
    }

    public async Task Reject(MarketCaller caller, string? orderId)
    {
        var order = await access.Load(caller, orderId, OrderRole.Seller);
        await transitions.Fire(order.Id, OrderTrigger.SellerReject, "The seller rejected the order.");
    }

    /// <summary>The seller reports the channel's funding outpoint (<c>txid:vout</c>); the chain is checked at once.</summary>
    public async Task AddTransaction(MarketCaller caller, string? orderId, string? txId)
    {
        if (!OutPoint.TryParse(txId?.Trim(), out var point))
            throw new MagmaException(MarketErrors.InvalidTransactionId, "tx_id must be the funding outpoint TRANSACTION_ID:OUTPUT_INDEX.", "tx_id");
        var order = await access.Load(caller, orderId, OrderRole.Seller);
        var channelPoint = point.ToString();
        await transitions.Change(order.Id, async (db, o) =>
        {
            // One channel is one sale: the same outpoint reported again for another order would be paid twice.
            if (await db.Orders.AnyAsync(other => other.ChannelPoint == channelPoint && other.Id != o.Id))
                throw new MagmaException(MarketErrors.ChannelPointInUse, "This funding outpoint is already reported for another order.", "tx_id");
            o.ChannelPoint = channelPoint;
            await transitions.Fire(db, o, OrderTrigger.FundingBroadcast, "The seller reported the funding transaction.", new { channel_point = channelPoint });
        });
        try
        {
            await chain.Advance(order.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The report is recorded, so the call succeeded; a block's chain pass (or the sweep) takes the order on.
            logger.LogInformation(ex, "Checking the funding of order {OrderId} right after its report failed; the chain pass catches up", order.Id);
        }
    }

    private Bolt11Invoice CheckInvoice(Data.Order order, string? paymentRequest)
    {
        var decoded = Bolt11Decoder.Decode(paymentRequest?.Trim() ?? "", platform.Node.Network);
        if (!decoded.Success)
            throw Bad($"The invoice does not decode for {platform.Node.Network.Name}: {decoded.Error.Message}");
        var invoice = decoded.Invoice;
        if (invoice.Payee.ToHex() != order.SellerPubkey)
            throw Bad("The invoice must be issued by the offer's node.");
        if (invoice.AmountMsat != order.SellerFeeSat * 1000)
            throw Bad($"The invoice must be for exactly the seller amount, {order.SellerFeeSat} sats.");
        if (invoice.ExpiresAt - time.GetUtcNow() < options.Value.MinSellerInvoiceExpiry)
            throw Bad($"The invoice must stay payable for at least {options.Value.MinSellerInvoiceExpiry.TotalHours:0} hours.");
        return invoice;
    }

    private Task Unclaim(string orderId) =>
        transitions.Change(orderId, (_, o) =>
        {
            (o.PaymentHash, o.SellerInvoice) = (null, null);
            return Task.CompletedTask;
        });

    private static MagmaException Bad(string message) => new(MarketErrors.InvalidSellerInvoice, message, "payment_request");
}
