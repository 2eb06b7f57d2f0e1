using Magma.Lightning;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Escrow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Magma.Market.Orders;

/// <summary>
/// Reacts to the engine node's invoice events for orders' hold invoices: a held HTLC moves the order to
/// WAITING_FOR_CHANNEL_OPEN (and the house seller opens at once); a cancelled one fails the order.
/// </summary>
public sealed class OrderLifecycle(
    SqliteDatabase database,
    OrderTransitions transitions,
    EscrowService escrow,
    HouseChannelOpener opener,
    MarketPlatform platform,
    TimeProvider time,
    IOptions<MarketOptions> options)
{
    public async Task OnInvoice(LightningInvoice invoice, CancellationToken cancellationToken = default)
    {
        if (invoice.State is InvoiceState.Open or InvoiceState.Settled)
            return;
        Order? order;
        await using (var db = database.Read<MarketDbContext>())
            order = await db.Orders.FirstOrDefaultAsync(o => o.PaymentHash == invoice.PaymentHash, cancellationToken);
        // Paid on-chain (LSPS1): the order's invoice was voided on purpose and no HTLC belongs to it.
        if (order is null || order.PaidOnchain)
            return;
        if (invoice.State == InvoiceState.Accepted && order.Status == OrderStatus.WaitingForBuyerPayment)
            await PaymentHeld(order.Id, invoice.HtlcExpiryHeight, cancellationToken);
        else if (invoice.State == InvoiceState.Canceled)
            await Cancelled(order);
    }

    /// <summary>The buyer's HTLC is held: the seller (or the house) may now open the channel.</summary>
    public async Task PaymentHeld(string orderId, int? htlcExpiryHeight, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var tip = await platform.Node.GetBlockHeight(cancellationToken);
        var order = await transitions.Change(orderId, async (db, o) =>
        {
            if (o.Status != OrderStatus.WaitingForBuyerPayment)
                return;
            o.PaymentStatus = OrderPaymentStatus.SuccessfulPayment;
            o.PaidHeight = tip;
            o.HtlcExpiryHeight = htlcExpiryHeight;
            o.HtlcDeadlineHeight = htlcExpiryHeight - options.Value.HtlcSafetyBlocks;
            o.ChannelOpenDeadline = now + options.Value.Timeouts.ChannelOpen;
            await transitions.Fire(db, o, OrderTrigger.PaymentHeld, "The buyer's payment is held in escrow.", new { htlc_expiry_height = htlcExpiryHeight });
        });
        if (order.IsHouse && order.Status == OrderStatus.WaitingForChannelOpen)
            await opener.TryOpen(order.Id, cancellationToken);
    }

    /// <summary>The node cancelled the invoice: it expired unpaid, or a held HTLC reached its expiry.</summary>
    private async Task Cancelled(Order order)
    {
        if (order.EscrowSettledAt is not null || order.EscrowCancelledAt is not null)
            return;
        if (order.Status == OrderStatus.WaitingForBuyerPayment)
        {
            order = await transitions.Fire(order.Id, OrderTrigger.PaymentTimeout, "The buyer's invoice expired unpaid.");
            await escrow.Cancel(order, null, "the invoice expired unpaid");
            return;
        }
        if (order.PaidAt is null)
            return;
        var stillInFlight = false;
        order = await transitions.Change(order.Id, async (db, o) =>
        {
            stillInFlight = OrderStatuses.HtlcHeld.Contains(o.Status);
            if (OrderStateMachine.For(o, time).CanFire(OrderTrigger.HtlcDeadline))
                await transitions.Fire(db, o, OrderTrigger.HtlcDeadline, "The held payment reached its expiry and was failed back.");
        });
        // An order that already failed cancelled its HTLC itself (its own step records that): this event is the
        // echo of that cancel, not an expiry, and must not turn its payment status into HODL_INVOICE_TIMEOUT.
        if (stillInFlight)
            await escrow.Cancel(order, OrderPaymentStatus.HodlInvoiceTimeout, "the held HTLC expired");
    }
}
