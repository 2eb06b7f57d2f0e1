using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Escrow;
using Magma.Market.Orders;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Magma.Market.Lsps1;

/// <summary>
/// A marketplace seller accepts through the seller API with its own same-hash invoice, so create_order waits
/// briefly for it. A seller that has not accepted within <see cref="Lsps1Options.SellerAcceptanceWait"/> loses the
/// order (BUYER_REJECTED, its invoice voided) and the next candidate gets the client.
/// </summary>
public sealed class Lsps1SellerAcceptance(SqliteDatabase database, OrderTransitions transitions, EscrowService escrow, IOptions<Lsps1Options> options)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public async Task<Order?> Await(string orderId, CancellationToken cancellationToken)
    {
        // The wait is the client's request latency, so it runs on the wall clock, not on order time.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(options.Value.SellerAcceptanceWait);
        while (true)
        {
            Order order;
            await using (var db = database.Read<MarketDbContext>())
                order = await db.Orders.FirstAsync(o => o.Id == orderId, CancellationToken.None);
            if (order is { Status: OrderStatus.WaitingForBuyerPayment, BuyerInvoice: not null })
                return order;
            if (order.Status.IsTerminal())
                return null;
            try
            {
                await Task.Delay(PollInterval, patience.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await GiveUp(orderId);
                return null;
            }
        }
    }

    private async Task GiveUp(string orderId)
    {
        try
        {
            var order = await transitions.Fire(orderId, OrderTrigger.BuyerCancel, "The automated seller did not accept in time; the LSPS1 client was served elsewhere.");
            await escrow.Cancel(order, null, "the seller did not accept in time");
        }
        catch (MagmaException)
        {
            // The order ended meanwhile (rejected or closed): nothing left to withdraw.
        }
    }
}
