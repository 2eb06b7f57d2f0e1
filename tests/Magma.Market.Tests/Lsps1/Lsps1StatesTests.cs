using Magma.Market.Data;
using Magma.Market.Lsps1;
using Magma.Market.Orders;

namespace Magma.Market.Tests.Lsps1;

/// <summary>design.md's "LSPS1 mapping" table, row by row.</summary>
public sealed class Lsps1StatesTests
{
    private static readonly DateTime Now = new(2026, 1, 14, 10, 20, 30, 123, DateTimeKind.Utc);

    private static Order Order(OrderStatus status) => new()
    {
        Id = "o", OfferId = "f", BuyerAccountId = "a", BuyerPubkey = "", SellerPubkey = "", Status = status,
        BuyerInvoice = "lnbcrt1", PaymentDeadline = Now.AddHours(1),
    };

    private static Lsps1Order Row(string? address = null) => new()
    {
        OrderId = "o", Token = "", CreatedAtText = Lsps1Dates.Format(Now), ChannelExpiryBlocks = 144, OnchainAddress = address,
        OnchainMinConfirmations = 1, FeeTotalSat = 1000, OrderTotalSat = 1000,
    };

    [Theory]
    [InlineData(OrderStatus.WaitingForSellerApproval, "CREATED")]
    [InlineData(OrderStatus.WaitingForBuyerPayment, "CREATED")]
    [InlineData(OrderStatus.WaitingForChannelOpen, "CREATED")]
    [InlineData(OrderStatus.SellerSentTransaction, "COMPLETED")]
    [InlineData(OrderStatus.WaitingForOnChainConfirmation, "COMPLETED")]
    [InlineData(OrderStatus.OnChainConfirmation, "COMPLETED")]
    [InlineData(OrderStatus.SellerOpenedChannel, "COMPLETED")]
    [InlineData(OrderStatus.ValidChannelOpening, "COMPLETED")]
    [InlineData(OrderStatus.ChannelMonitoringFinished, "COMPLETED")]
    [InlineData(OrderStatus.BuyerFailedToPay, "FAILED")]
    [InlineData(OrderStatus.SellerFailedToOpenChannel, "FAILED")]
    [InlineData(OrderStatus.InvalidChannelOpening, "FAILED")]
    [InlineData(OrderStatus.AdminClosed, "FAILED")]
    public void TheOrderStateFollowsTheFundingBroadcast(OrderStatus status, string expected) =>
        Assert.Equal(expected, Lsps1States.OrderState(Order(status)));

    [Fact]
    public void TheLightningOptionMovesFromExpectPaymentToHoldToPaid()
    {
        var order = Order(OrderStatus.WaitingForBuyerPayment);
        var expecting = Lsps1States.Bolt11State(order);
        (order.Status, order.PaidAt) = (OrderStatus.WaitingForChannelOpen, Now);
        var held = Lsps1States.Bolt11State(order);
        (order.Status, order.EscrowSettledAt) = (OrderStatus.SellerSentTransaction, Now);

        Assert.Equal(("EXPECT_PAYMENT", "HOLD", "PAID"), (expecting, held, Lsps1States.Bolt11State(order)));
    }

    [Fact]
    public void EveryOptionOfAFailedOrderIsRefundedEvenBeforeTheCancelIsRecorded()
    {
        var view = Lsps1States.View(Order(OrderStatus.BuyerFailedToPay), Row("bcrt1qexample"));

        Assert.Equal("FAILED", view.OrderState);
        Assert.Equal("REFUNDED", view.Bolt11!.State);
        Assert.Equal("REFUNDED", view.Onchain!.State);
    }

    [Fact]
    public void AnOrderPaidOnchainShowsThatOptionPaidAndItsInvoiceRefunded()
    {
        var order = Order(OrderStatus.SellerSentTransaction);
        (order.PaidAt, order.PaidOnchain, order.FundingBroadcastAt, order.ChannelPoint) = (Now, true, Now, "ab:0");

        var view = Lsps1States.View(order, Row("bcrt1qexample"));

        Assert.Equal(("PAID", "REFUNDED"), (view.Onchain!.State, view.Bolt11!.State));
    }

    [Fact]
    public void TheChannelIsNullUntilFundingAndThenExpiresAfterTheLease()
    {
        var order = Order(OrderStatus.WaitingForChannelOpen);
        var before = Lsps1States.View(order, Row());
        (order.Status, order.FundingBroadcastAt, order.ChannelPoint) = (OrderStatus.SellerSentTransaction, Now, "0301e0480b374b32851a9462db29dc19fe830a7f7d7a88b81612b9d42099c0ae:0");

        var channel = Lsps1States.View(order, Row()).Channel!;

        Assert.Null(before.Channel);
        Assert.Equal("2026-01-14T10:20:30.123Z", channel.FundedAt);
        Assert.Equal("2026-01-15T10:20:30.123Z", channel.ExpiresAt);
    }

    [Fact]
    public void MinFeeFor0ConfIsOnlyAnnouncedWhenZeroConfirmationsAreAccepted()
    {
        var row = Row("bcrt1qexample");
        row.OnchainMinFeeFor0Conf = 253;
        var oneConf = Lsps1States.View(Order(OrderStatus.WaitingForBuyerPayment), row).Onchain!;
        row.OnchainMinConfirmations = 0;
        var zeroConf = Lsps1States.View(Order(OrderStatus.WaitingForBuyerPayment), row).Onchain!;

        Assert.Null(oneConf.MinFeeFor0Conf);
        Assert.Equal(253, zeroConf.MinFeeFor0Conf);
    }
}
