using Magma.Lightning;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Escrow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Magma.Market.Orders;

/// <summary>
/// Enforces every order deadline: seller approval, buyer payment, channel open, and the held HTLC's CLTV deadline
/// minus the safety margin. Each due order fails into the matching terminal and its HTLC is cancelled. Each query
/// reads one (status, deadline) index.
/// </summary>
public sealed class DeadlineEnforcer(
    SqliteDatabase database,
    MarketPlatform platform,
    OrderTransitions transitions,
    OrderLifecycle lifecycle,
    EscrowService escrow,
    TimeProvider time,
    ILogger<DeadlineEnforcer> logger)
{
    private static readonly List<OrderStatus> HtlcHeld = OrderStatuses.HtlcHeld.ToList();

    public async Task<int> Sweep(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var tip = await platform.Node.GetBlockHeight(cancellationToken);
        List<Order> approval, payment, open, htlc;
        await using (var db = database.Read<MarketDbContext>())
        {
            approval = await db.Orders.Where(o => o.Status == OrderStatus.WaitingForSellerApproval && o.SellerApprovalDeadline <= now).ToListAsync(cancellationToken);
            payment = await db.Orders.Where(o => o.Status == OrderStatus.WaitingForBuyerPayment && o.PaymentDeadline <= now).ToListAsync(cancellationToken);
            open = await db.Orders.Where(o => o.Status == OrderStatus.WaitingForChannelOpen && o.ChannelOpenDeadline <= now).ToListAsync(cancellationToken);
            htlc = await db.Orders.Where(o => HtlcHeld.Contains(o.Status) && o.HtlcDeadlineHeight <= tip && o.EscrowSettledAt == null && o.EscrowCancelledAt == null).ToListAsync(cancellationToken);
        }
        foreach (var order in approval)
            await Safely(order, () => Fail(order, OrderTrigger.ApprovalTimeout, "The seller did not react in time.", null));
        foreach (var order in payment)
            await Safely(order, () => PaymentDue(order, cancellationToken));
        foreach (var order in open)
            await Safely(order, () => Fail(order, OrderTrigger.ChannelOpenTimeout, "The channel was not opened in time.", null));
        foreach (var order in htlc)
            await Safely(order, () => Fail(order, OrderTrigger.HtlcDeadline, "The held payment neared its CLTV expiry.", OrderPaymentStatus.HodlInvoiceTimeout));
        return approval.Count + payment.Count + open.Count + htlc.Count;
    }

    /// <summary>At the payment deadline, a payment that arrived but whose event was missed still counts.</summary>
    private async Task PaymentDue(Order order, CancellationToken cancellationToken)
    {
        var invoice = order.PaymentHash is null ? null : await platform.Node.LookupInvoice(order.PaymentHash, cancellationToken);
        if (invoice?.State == InvoiceState.Accepted)
        {
            await lifecycle.PaymentHeld(order.Id, invoice.HtlcExpiryHeight, cancellationToken);
            return;
        }
        await Fail(order, OrderTrigger.PaymentTimeout, "The buyer did not pay in time.", null);
    }

    /// <summary>The transition decides first; the HTLC is then cancelled (a crash in between is mended by the escrow sweep).</summary>
    private async Task Fail(Order order, OrderTrigger trigger, string message, OrderPaymentStatus? paymentStatus)
    {
        var fired = false;
        order = await transitions.Change(order.Id, async (db, o) =>
        {
            fired = OrderStateMachine.For(o, time).CanFire(trigger);
            if (fired)
                await transitions.Fire(db, o, trigger, message);
        });
        // An order that escaped this deadline since the sweep read it (the funding was reported, the payment arrived)
        // keeps its HTLC; only the HTLC deadline binds every status that still holds one.
        if (fired || (trigger == OrderTrigger.HtlcDeadline && OrderStatuses.HtlcHeld.Contains(order.Status)))
            await escrow.Cancel(order, paymentStatus, message);
    }

    private async Task Safely(Order order, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Enforcing a deadline of order {OrderId} failed; the next sweep retries", order.Id);
        }
    }
}
