using System.Text.Json;
using Magma.Market.Data;
using Magma.Market.Orders;
using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Magma.Payments.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Magma.Market.Escrow;

/// <summary>
/// Holds the buyer's payment until the channel is valid. The buyer pays a hold invoice. For a marketplace seller
/// it has the same payment hash as the seller's own invoice: paying the seller reveals the preimage, which then
/// settles the buyer's HTLC, so either both happen or neither does. The house seller owns its preimage outright.
/// Any failure before that cancels the HTLC and the buyer is refunded by the protocol.
/// </summary>
public sealed class EscrowService(
    MarketPlatform platform,
    HoldInvoiceService holds,
    SendService sends,
    OrderTransitions transitions,
    TimeProvider time,
    IOptions<MarketOptions> options,
    ILogger<EscrowService> logger)
{
    public Task<PaymentTransaction> IssueBuyerInvoice(Order order, CancellationToken cancellationToken = default) =>
        holds.Create(Caller.AdminCaller, new InvoiceRequest(
            platform.WalletId,
            order.BuyerAmountSat * 1000,
            $"Magma channel order {order.Id}",
            options.Value.Timeouts.BuyerPayment,
            IdempotencyKey: $"order-hold:{order.Id}",
            Metadata: JsonSerializer.Serialize(new { order_id = order.Id }),
            HoldPaymentHash: order.PaymentHash,
            CltvExpiry: options.Value.HoldInvoiceCltvExpiry), cancellationToken);

    /// <summary>Releases the escrow to the seller. Returns true once the buyer's HTLC is settled.</summary>
    public async Task<bool> Release(Order order, CancellationToken cancellationToken = default)
    {
        if (!order.EscrowOpen)
            return order.EscrowSettledAt is not null;
        var preimage = order.IsHouse ? order.Preimage : await PaySeller(order, cancellationToken);
        if (preimage is null)
            return false;
        // Paid on-chain (LSPS1): there is no HTLC to settle; the coins are already in the house wallet.
        if (!order.PaidOnchain)
            await holds.Settle(Caller.AdminCaller, preimage, cancellationToken);
        await transitions.Change(order.Id, async (db, o) =>
        {
            o.EscrowSettledAt = time.GetUtcNow().UtcDateTime;
            // A payout that failed before and then went through leaves the order successfully paid.
            o.PaymentStatus = OrderPaymentStatus.SuccessfulPayment;
            await transitions.Record(db, o, o.Status, "escrow.settled", o.IsHouse ? "The buyer's payment settled." : "The seller was paid and the buyer's payment settled.");
        });
        return true;
    }

    /// <summary>Cancels the buyer's HTLC (or its unpaid invoice); the payment returns to the buyer.</summary>
    public async Task Cancel(Order order, OrderPaymentStatus? paymentStatus, string reason, CancellationToken cancellationToken = default)
    {
        if (order.PaymentHash is null || order.EscrowSettledAt is not null || order.EscrowCancelledAt is not null)
            return;
        try
        {
            await holds.Cancel(Caller.AdminCaller, order.PaymentHash, cancellationToken);
        }
        catch (MagmaException ex) when (ex.Error == PaymentErrors.HoldInvoiceNotFound)
        {
            logger.LogDebug("Order {OrderId} had no hold invoice to cancel", order.Id);
        }
        await transitions.Change(order.Id, async (db, o) =>
        {
            o.EscrowCancelledAt = time.GetUtcNow().UtcDateTime;
            if (paymentStatus is { } status && o.PaidAt is not null)
                o.PaymentStatus = status;
            await transitions.Record(db, o, o.Status, "escrow.cancelled", $"The buyer's payment was released back: {reason}");
        });
    }

    /// <summary>Pays the seller's invoice from the platform wallet; the preimage comes back when it succeeds.</summary>
    private async Task<string?> PaySeller(Order order, CancellationToken cancellationToken)
    {
        PaymentTransaction payout;
        try
        {
            payout = await sends.Pay(Caller.AdminCaller, new PaymentOrder(platform.WalletId, order.SellerInvoice!,
                IdempotencyKey: $"order-payout:{order.Id}:{order.PayoutAttempts}",
                Metadata: JsonSerializer.Serialize(new { order_id = order.Id })), cancellationToken);
        }
        catch (MagmaException ex) when (ex.Error == PaymentErrors.IdempotencyInProgress)
        {
            // The block event and the sweep both release: the other one is paying this very attempt right now.
            return null;
        }
        catch (MagmaException ex)
        {
            await PayoutFailed(order, ex.Error == PaymentErrors.InvoiceExpired ? OrderPaymentStatus.SellerInvoiceExpired : OrderPaymentStatus.PaymentFailed, ex.Message, null);
            return null;
        }
        if (payout.Status == TransactionStatus.Completed)
            return payout.Preimage;
        if (payout.Status == TransactionStatus.Pending)
        {
            await transitions.Change(order.Id, (_, o) => { o.PayoutTransactionId = payout.Id; return Task.CompletedTask; });
            return null;
        }
        var status = payout.Error?.Contains("rejected", StringComparison.OrdinalIgnoreCase) == true
            ? OrderPaymentStatus.PaymentRejectedByDestination
            : OrderPaymentStatus.PaymentFailed;
        await PayoutFailed(order, status, payout.Error ?? "The payout failed.", payout.Id);
        return null;
    }

    private Task PayoutFailed(Order order, OrderPaymentStatus status, string error, string? payoutId) =>
        transitions.Change(order.Id, async (db, o) =>
        {
            o.PayoutAttempts++;
            o.PayoutTransactionId = payoutId ?? o.PayoutTransactionId;
            o.PaymentStatus = status;
            var wait = PayoutBackoff(o.PayoutAttempts);
            o.PayoutRetryAt = time.GetUtcNow().UtcDateTime + wait;
            // The error is the node's or the seller's business (a route, the seller's invoice): the buyer reads only
            // that the payout failed and will be retried.
            await transitions.Record(db, o, o.Status, "payout.failed",
                $"Seller payout failed (attempt {o.PayoutAttempts}); retrying in {wait.TotalSeconds:0} s, until the HTLC deadline.", sellerDetail: error);
        });

    /// <summary>
    /// 30 s, doubling per failed attempt, at most 10 min: a seller node that is briefly offline is paid soon after it
    /// returns, and one that stays down is not sent a payment on every sweep until the HTLC deadline.
    /// </summary>
    public static TimeSpan PayoutBackoff(int failedAttempts) =>
        TimeSpan.FromSeconds(Math.Min(600, 30 * Math.Pow(2, Math.Min(failedAttempts - 1, 10))));
}
