using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Orders;
using Magma.Payments.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Magma.Market.Escrow;

/// <summary>
/// Reconciles held invoices with orders, the safety net for missed events and restarts: a payment held while the
/// event was lost, a house channel still to open, a seller still to pay, a failed order whose HTLC is still held.
/// </summary>
public sealed class EscrowSweep(
    SqliteDatabase database,
    OrderLifecycle lifecycle,
    HouseChannelOpener opener,
    EscrowService escrow,
    MarketPlatform platform,
    TimeProvider time,
    ILogger<EscrowSweep> logger)
{
    /// <summary>Within this many blocks of the HTLC deadline a failed payout is retried on every sweep, backoff or not.</summary>
    public const int PayoutUrgentBlocks = 3;

    private static readonly List<OrderStatus> Failures = OrderStatuses.Failures.ToList();

    public async Task<int> Sweep(CancellationToken cancellationToken = default)
    {
        List<(string Id, int? Expiry)> held;
        List<string> toOpen;
        List<Order> toPay, toCancel;
        await using (var db = database.Read<MarketDbContext>())
        {
            held = (await db.Orders.Where(o => o.Status == OrderStatus.WaitingForBuyerPayment && o.HoldTransactionId != null)
                .Join(db.Transactions.Where(t => t.HeldAt != null), o => o.HoldTransactionId, t => t.Id, (o, t) => new { o.Id })
                .ToListAsync(cancellationToken)).Select(x => (x.Id, (int?)null)).ToList();
            // Orders whose last attempt still holds its claim are skipped here rather than refused one unit at a time.
            var claimedSince = time.GetUtcNow().UtcDateTime - HouseChannelOpener.ClaimLifetime;
            toOpen = await db.Orders.Where(o => o.Status == OrderStatus.WaitingForChannelOpen && o.IsHouse && (o.OpenAttemptedAt == null || o.OpenAttemptedAt <= claimedSince))
                .Select(o => o.Id).ToListAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var urgentBelow = await platform.Node.GetBlockHeight(cancellationToken) + PayoutUrgentBlocks;
            toPay = await db.Orders.Where(o => o.Status == OrderStatus.ValidChannelOpening && o.PaymentHash != null && o.EscrowSettledAt == null && o.EscrowCancelledAt == null
                && (o.PayoutRetryAt == null || o.PayoutRetryAt <= now || o.HtlcDeadlineHeight <= urgentBelow)).ToListAsync(cancellationToken);
            toCancel = await db.Orders.Where(o => Failures.Contains(o.Status) && o.PaymentHash != null && o.EscrowSettledAt == null && o.EscrowCancelledAt == null).ToListAsync(cancellationToken);
        }
        foreach (var (id, _) in held)
            await Safely(id, () => HeldPayment(id, cancellationToken));
        foreach (var id in toOpen)
            await Safely(id, () => opener.TryOpen(id, cancellationToken));
        foreach (var order in toPay)
            await Safely(order.Id, () => escrow.Release(order, cancellationToken));
        foreach (var order in toCancel)
            await Safely(order.Id, () => escrow.Cancel(order, null, $"the order ended {OrderNames.Of(order.Status)}", cancellationToken));
        return held.Count + toOpen.Count + toPay.Count + toCancel.Count;
    }

    private async Task HeldPayment(string orderId, CancellationToken cancellationToken)
    {
        Order order;
        PaymentTransaction? hold;
        await using (var db = database.Read<MarketDbContext>())
        {
            order = await db.Orders.FirstAsync(o => o.Id == orderId, cancellationToken);
            hold = await db.Transactions.FirstOrDefaultAsync(t => t.Id == order.HoldTransactionId, cancellationToken);
        }
        var invoice = order.PaymentHash is null ? null : await opener.Node.LookupInvoice(order.PaymentHash, cancellationToken);
        if (invoice?.State == Lightning.InvoiceState.Accepted && hold is not null)
            await lifecycle.PaymentHeld(orderId, invoice.HtlcExpiryHeight, cancellationToken);
    }

    private async Task Safely(string orderId, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Reconciling the escrow of order {OrderId} failed; the next sweep retries", orderId);
        }
    }
}
