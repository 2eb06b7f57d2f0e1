using Magma.Lightning.Storage;
using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Errors;
using Magma.Payments;
using Magma.Payments.Errors;

namespace Magma.Market.Orders;

public enum OrderRole { Buyer, Seller }

/// <summary>Loads an order for a caller in a role; someone else's order is reported as not found.</summary>
public sealed class OrderAccess(SqliteDatabase database)
{
    public async Task<Order> Load(MarketCaller caller, string? orderId, params OrderRole[] roles)
    {
        var id = Ids.Require(orderId, "order_id");
        // A prepared read: every order poll (GraphQL get_order, the checkout page) comes through here.
        var order = (await database.Rows<MarketDbContext, Order>("id = $p0", id)).SingleOrDefault();
        if (order is null || !Allowed(caller, order, roles))
            throw new MagmaException(MarketErrors.OrderNotFound, "Order not found.");
        return order;
    }

    public static bool Allowed(MarketCaller caller, Order order, IReadOnlyCollection<OrderRole> roles) => caller switch
    {
        MarketCaller.Admin => true,
        MarketCaller.Account account => (roles.Contains(OrderRole.Buyer) && order.BuyerAccountId == account.Id)
            || (roles.Contains(OrderRole.Seller) && order.SellerAccountId == account.Id),
        _ => false,
    };
}
