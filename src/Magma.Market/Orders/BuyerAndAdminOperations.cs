using Magma.Market.Accounts;
using Magma.Market.Errors;
using Magma.Market.Escrow;
using Magma.Payments.Errors;

namespace Magma.Market.Orders;

/// <summary>The buyer may cancel before paying; the admin may close any order still in flight.</summary>
public sealed class BuyerAndAdminOperations(OrderAccess access, OrderTransitions transitions, EscrowService escrow)
{
    public async Task Cancel(MarketCaller caller, string? orderId)
    {
        var order = await access.Load(caller, orderId, OrderRole.Buyer);
        order = await transitions.Fire(order.Id, OrderTrigger.BuyerCancel, "The buyer cancelled the order.");
        await escrow.Cancel(order, null, "the buyer cancelled");
    }

    public async Task Close(MarketCaller caller, string? orderId, string? reason)
    {
        if (caller is not MarketCaller.Admin)
            throw new MagmaException(MarketErrors.Forbidden, "Closing an order takes the admin token.");
        var order = await access.Load(caller, orderId);
        order = await transitions.Fire(order.Id, OrderTrigger.AdminClose, $"Closed by an administrator: {reason ?? "no reason given"}",
            o => o.FailureReason = reason);
        await escrow.Cancel(order, null, "closed by an administrator");
    }
}
