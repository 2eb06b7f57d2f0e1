using Magma.Lightning;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Escrow;
using Magma.Market.Orders;
using Magma.Payments.Access;
using Magma.Payments.Errors;
using Magma.Payments.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Magma.Market.Lsps1;

/// <summary>
/// Watches the house wallet for payments to LSPS1 orders' on-chain addresses (on every block and as a sweep).
/// A payment of the order total with enough confirmations, while the order still waits for payment, is the
/// payment being held: PAYMENT_HELD fires with no HTLC, the order's Lightning invoice is voided, and the house
/// opens the channel. Whatever else reaches an address — a second payment, an overpayment, a payment to an order
/// that failed or was paid over Lightning — is owed back and refunded.
/// </summary>
public sealed class Lsps1OnchainWatcher(
    SqliteDatabase database,
    MarketPlatform platform,
    OrderTransitions transitions,
    HoldInvoiceService holds,
    HouseChannelOpener opener,
    Lsps1OnchainRefunds refunds,
    TimeProvider time,
    IOptions<MarketOptions> market,
    ILogger<Lsps1OnchainWatcher> logger)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<int> Sweep(CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await SweepOnce(cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<int> SweepOnce(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Lsps1Pair> watched;
        await using (var db = database.Read<MarketDbContext>())
            watched = await db.Lsps1Orders.Where(l => l.OnchainAddress != null && l.OnchainWatchUntil > now)
                .Join(db.Orders, l => l.OrderId, o => o.Id, (l, o) => new Lsps1Pair(o, l))
                .ToListAsync(cancellationToken);
        if (watched.Count == 0)
            return 0;
        // The tip first: a payment counted in the wallet listing below was confirmed at or before it.
        var tip = await platform.Node.GetBlockHeight(cancellationToken);
        var wallet = await platform.Node.ListWalletTransactions(cancellationToken);
        foreach (var (order, row) in watched)
        {
            var received = Received(wallet, row.OnchainAddress!, row.OnchainMinConfirmations);
            try
            {
                if (received > row.OnchainReceivedSat || (order.PaidOnchain && order.Status.IsFailure() && row.OnchainKeptSat > 0))
                    await Reconcile(row.OrderId, received, wallet, tip, cancellationToken);
                else
                    await Settle(order, row, wallet, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Reconciling the on-chain payment of LSPS1 order {OrderId} failed; the next sweep retries", row.OrderId);
            }
        }
        return watched.Count;
    }

    public static long Received(IReadOnlyList<WalletTransaction> wallet, string address, int minConfirmations) =>
        wallet.Where(t => t.Confirmations >= minConfirmations)
            .SelectMany(t => t.Outputs)
            .Where(o => o.IsOurs && o.Address == address)
            .Sum(o => o.AmountSat);

    private async Task Reconcile(string orderId, long received, IReadOnlyList<WalletTransaction> wallet, int tip, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var accepted = false;
        Lsps1Order row = null!;
        var order = await transitions.Change(orderId, async (db, o) =>
        {
            row = await db.Lsps1Orders.FirstAsync(l => l.OrderId == o.Id);
            row.OnchainReceivedSat = Math.Max(row.OnchainReceivedSat, received);
            if (o.Status == OrderStatus.WaitingForBuyerPayment && !o.PaidOnchain && row.OnchainOwedSat >= row.OrderTotalSat)
            {
                (row.OnchainKeptSat, row.OnchainPaidAt) = (row.OrderTotalSat, now);
                (o.PaidOnchain, o.PaymentStatus, o.ChannelOpenDeadline) = (true, OrderPaymentStatus.SuccessfulPayment, now + market.Value.Timeouts.ChannelOpen);
                // Validation refuses channels funded before this height, as on the Lightning path.
                o.PaidHeight = tip;
                await transitions.Fire(db, o, OrderTrigger.PaymentHeld, $"The buyer paid {row.OrderTotalSat} sats on-chain to {row.OnchainAddress}.",
                    new { onchain_address = row.OnchainAddress, received_sat = received });
                accepted = true;
            }
            else if (o.PaidOnchain && o.Status.IsFailure() && o.FundingBroadcastAt is null && row.OnchainKeptSat > 0)
            {
                // The channel never got funded: the payment that was kept is owed back.
                row.OnchainKeptSat = 0;
            }
        });

        if (accepted)
        {
            await VoidLightningInvoice(order, cancellationToken);
            if (order.IsHouse)
                await opener.TryOpen(order.Id, cancellationToken);
            return;
        }
        await Settle(order, row, wallet, cancellationToken);
    }

    /// <summary>Sends back what is owed once the order no longer waits for payment (an underpayment may still be topped up).</summary>
    private async Task Settle(Order order, Lsps1Order row, IReadOnlyList<WalletTransaction> wallet, CancellationToken cancellationToken)
    {
        if (row.OnchainRefundPendingSat is not null)
            await refunds.Resume(row, wallet, cancellationToken);
        else if (row.OnchainOwedSat > 0 && order.Status != OrderStatus.WaitingForBuyerPayment)
            await refunds.Refund(order.Id, cancellationToken);
    }

    /// <summary>The order is paid on-chain: its invoice must not take a second payment, and an HTLC already held goes back.</summary>
    private async Task VoidLightningInvoice(Order order, CancellationToken cancellationToken)
    {
        if (order.PaymentHash is null)
            return;
        try
        {
            await holds.Cancel(Caller.AdminCaller, order.PaymentHash, cancellationToken);
        }
        catch (MagmaException ex)
        {
            logger.LogInformation("The Lightning invoice of order {OrderId} paid on-chain could not be voided: {Reason}", order.Id, ex.Message);
        }
    }
}
