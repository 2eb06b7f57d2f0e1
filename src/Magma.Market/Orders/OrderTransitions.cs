using System.Text.Json;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Errors;
using Magma.Market.Offers;
using Magma.Market.StateMachines;
using Magma.Payments;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;

namespace Magma.Market.Orders;

/// <summary>
/// Moves orders. Every change is a unit of work that reloads the order, asks the state machine, and saves with
/// the status as a concurrency token (UPDATE … WHERE status = @from), writing the order event and its webhook
/// outbox rows in the same transaction.
/// </summary>
public sealed class OrderTransitions(SqliteDatabase database, OrderWebhooks webhooks, TimeProvider time)
{
    /// <summary>Loads the order in a unit, lets <paramref name="change"/> fire triggers and edit it, and saves.</summary>
    public async Task<Order> Change(string orderId, Func<MarketDbContext, Order, Task> change)
    {
        try
        {
            return await database.Write<MarketDbContext, Order>(async db =>
            {
                var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == orderId)
                    ?? throw new MagmaException(MarketErrors.OrderNotFound, "Order not found.");
                await change(db, order);
                await db.SaveChangesAsync();
                return order;
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new MagmaException(MarketErrors.OrderChanged, "The order changed meanwhile; read it again.");
        }
    }

    public Task<Order> Fire(string orderId, OrderTrigger trigger, string message, Action<Order>? alsoChange = null, object? details = null) =>
        Change(orderId, async (db, order) =>
        {
            alsoChange?.Invoke(order);
            await Fire(db, order, trigger, message, details);
        });

    /// <summary>
    /// Fires <paramref name="trigger"/> only if the order is still in <paramref name="expected"/>; otherwise returns it
    /// as it now is. For steps that two paths may take at once (a block event and a sweep, an open and its chain
    /// check): the second finds the step done, and neither fails.
    /// </summary>
    public Task<Order> FireIfStill(string orderId, OrderStatus expected, OrderTrigger trigger, string message, Action<Order>? alsoChange = null, object? details = null) =>
        Change(orderId, async (db, order) =>
        {
            if (order.Status != expected)
                return;
            alsoChange?.Invoke(order);
            await Fire(db, order, trigger, message, details);
        });

    /// <summary>Fires a trigger on a tracked order inside the caller's unit.</summary>
    public async Task Fire(MarketDbContext db, Order order, OrderTrigger trigger, string message, object? details = null)
    {
        var from = order.Status;
        try
        {
            OrderStateMachine.For(order, time).Fire(trigger);
        }
        catch (InvalidTransitionException<OrderStatus, OrderTrigger>)
        {
            throw new MagmaException(MarketErrors.InvalidOrderState,
                $"The order is {OrderNames.Of(from)}; {OrderNames.Of(trigger)} is not possible now.");
        }
        await Record(db, order, from, OrderNames.Of(trigger), message, details);
    }

    /// <summary>
    /// A timeline entry; with the status unchanged it records a payment-status or escrow step. The buyer reads
    /// <paramref name="message"/> and <paramref name="details"/>; <paramref name="sellerDetail"/> is for the seller and operators only.
    /// </summary>
    public async Task Record(MarketDbContext db, Order order, OrderStatus? from, string trigger, string message, object? details = null, string? sellerDetail = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        order.UpdatedAt = now;
        var entry = new OrderEvent
        {
            OrderId = order.Id, FromStatus = from, ToStatus = order.Status, Trigger = trigger, PaymentStatus = order.PaymentStatus,
            Message = message, CreatedAt = now, Details = details is null ? null : JsonSerializer.Serialize(details), SellerDetail = sellerDetail,
        };
        db.Insert(entry);
        if (from != order.Status)
        {
            await KeepOfferLiquidity(db, order, from);
            await webhooks.StatusChanged(db, order, from, now);
        }
    }

    /// <summary>
    /// A new order locks its size on the offer, or the unit fails: concurrent orders cannot oversell it. The first
    /// failure status releases the size again.
    /// </summary>
    private static async Task KeepOfferLiquidity(MarketDbContext db, Order order, OrderStatus? from)
    {
        if (from is null)
        {
            if (!await OfferLiquidity.TryLock(db, order.OfferId, order.SizeSat))
                throw new MagmaException(MarketErrors.NoMatchingOffer, "The offer's liquidity was just taken; try again.");
        }
        else if (from.Value.LocksLiquidity() && !order.Status.LocksLiquidity())
            await OfferLiquidity.Release(db, order.OfferId, order.SizeSat);
    }

    public static string NewId(DateTime createdAt) => Ids.New(createdAt);
}
