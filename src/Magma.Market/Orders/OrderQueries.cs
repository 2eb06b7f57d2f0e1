using Magma.Lightning.Storage;
using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Errors;
using Magma.Payments.Errors;
using Magma.Payments.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Magma.Market.Orders;

public sealed record OrderPage(int Total, IReadOnlyList<Order> List);

/// <summary>What accounts may read: their own purchases and sales, newest first.</summary>
public sealed class OrderQueries(SqliteDatabase database, OrderAccess access)
{
    public Task<Order> Get(MarketCaller caller, string? orderId) => access.Load(caller, orderId, OrderRole.Buyer, OrderRole.Seller);

    public Task<OrderPage> Purchases(MarketCaller caller, Page? page) => List(caller, page, o => o.BuyerAccountId == caller.AccountId);

    /// <summary>The status filter is part of the query, so the page and the total both count only matching orders.</summary>
    public Task<OrderPage> Sales(MarketCaller caller, Page? page, OrderStatus? status = null) =>
        status is { } wanted
            ? List(caller, page, o => o.SellerAccountId == caller.AccountId && o.Status == wanted)
            : List(caller, page, o => o.SellerAccountId == caller.AccountId);

    public async Task<IReadOnlyList<OrderEvent>> Events(string orderId)
    {
        await using var db = database.Read<MarketDbContext>();
        return await db.OrderEvents.Where(e => e.OrderId == orderId).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>
    /// The timeline of an order the caller has loaded. The buyer and the seller read the same order, so what is only
    /// the seller's business (a failed payout's error) is left out unless the caller is the seller or an operator.
    /// </summary>
    public async Task<IReadOnlyList<OrderTimelineEntry>> Timeline(MarketCaller caller, Order order)
    {
        var sellerSide = OrderAccess.Allowed(caller, order, [OrderRole.Seller]);
        return (await Events(order.Id))
            .Select(e => new OrderTimelineEntry(e.FromStatus, e.ToStatus, e.Trigger, e.PaymentStatus, e.Message, e.Details,
                sellerSide ? e.SellerDetail : null, e.CreatedAt))
            .ToList();
    }

    private async Task<OrderPage> List(MarketCaller caller, Page? page, System.Linq.Expressions.Expression<Func<Order, bool>> mine)
    {
        if (caller is not MarketCaller.Account)
            throw new MagmaException(MarketErrors.Unauthenticated, "Listing orders takes an account's API key or session key.");
        var checkedPage = TransactionQueries.CheckPage(page ?? Page.Default);
        await using var db = database.Read<MarketDbContext>();
        var query = db.Orders.Where(mine);
        var total = await query.CountAsync();
        var list = await query.OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id).Skip(checkedPage.Offset).Take(checkedPage.Limit).ToListAsync();
        return new OrderPage(total, list);
    }
}
