using Magma.Market.Data;
using Magma.Market.Orders;
using Microsoft.EntityFrameworkCore;

namespace Magma.Market.Tests.Orders;

/// <summary>The order timeline: one event per transition, from and to, written in the unit that moved the order.</summary>
public sealed class OrderEventTests : MarketHarness
{
    [Fact]
    public async Task EveryTransitionOfAFullLifecycleHasExactlyOneEventChainedFromTheLast()
    {
        var deal = await MarketplaceOrder();
        var order = await CompleteMarketplaceOrder(deal);

        var events = await Events(deal.OrderId);
        var transitions = events.Where(e => e.FromStatus != e.ToStatus).ToList();
        Assert.Null(transitions[0].FromStatus);
        Assert.Equal("CREATED", transitions[0].Trigger);
        for (var i = 1; i < transitions.Count; i++)
            Assert.Equal(transitions[i - 1].ToStatus, transitions[i].FromStatus);
        Assert.Equal(order.Status, transitions[^1].ToStatus);
        Assert.Equal(9, transitions.Count);
        Assert.Equal(transitions.Count, transitions.Select(e => e.ToStatus).Distinct().Count());
        Assert.Equal(
            ["CREATED", "SELLER_ACCEPT", "PAYMENT_HELD", "FUNDING_BROADCAST", "FUNDING_SEEN", "FUNDING_CONFIRMED", "CHANNEL_SEEN", "CHANNEL_VALID", "MONITORING_FINISHED"],
            transitions.Select(e => e.Trigger));
        // Steps that are not transitions (the escrow settling) are recorded with the status unchanged.
        var settled = Assert.Single(events, e => e.Trigger == "escrow.settled");
        Assert.Equal((OrderStatus.ValidChannelOpening, OrderStatus.ValidChannelOpening), (settled.FromStatus!.Value, settled.ToStatus));
        Assert.Equal(OrderPaymentStatus.SuccessfulPayment, transitions.Single(e => e.Trigger == "PAYMENT_HELD").PaymentStatus);
    }

    [Fact]
    public async Task AFailedUnitLeavesNeitherTheTransitionNorItsEvent()
    {
        var deal = await MarketplaceOrder();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Get<OrderTransitions>().Change(deal.OrderId, async (db, o) =>
        {
            await Get<OrderTransitions>().Fire(db, o, OrderTrigger.SellerReject, "The seller rejected the order.");
            throw new InvalidOperationException("the unit fails after the transition");
        }));

        Assert.Equal(OrderStatus.WaitingForSellerApproval, (await Order(deal.OrderId)).Status);
        Assert.Single(await Events(deal.OrderId));
    }

    [Fact]
    public async Task TheEventOfATransitionCarriesTheStatusAndTimeItWasMadeAt()
    {
        var deal = await MarketplaceOrder();
        Clock.Advance(TimeSpan.FromMinutes(7));

        await Get<SellerOperations>().Reject(deal.Seller, deal.OrderId);

        var order = await Order(deal.OrderId);
        var last = (await Events(deal.OrderId))[^1];
        Assert.Equal((OrderStatus.WaitingForSellerApproval, OrderStatus.SellerRejected, "SELLER_REJECT"), (last.FromStatus!.Value, last.ToStatus, last.Trigger));
        Assert.Equal(order.UpdatedAt, last.CreatedAt);
        Assert.Equal(order.FailedAt, last.CreatedAt);
        await using var db = Database.Read<MarketDbContext>();
        Assert.Equal(2, await db.OrderEvents.CountAsync(e => e.OrderId == deal.OrderId));
    }
}
