using System.Globalization;
using Magma.Market.Accounts;
using Magma.Market.Data;
using Magma.Market.Orders;

namespace Magma.Api.GraphQL.Market;

/// <summary>MarketOrder as Magma's clients read it. Sat amounts are decimal strings.</summary>
public sealed class OrderView(Order order, MarketCaller caller)
{
    public Order Order => order;
    public string Id => order.Id;
    public OrderStatus Status => order.Status;
    public OrderPaymentStatus PaymentStatus => order.PaymentStatus;
    public string Size => Sats(order.SizeSat);
    public string? ChannelId => order.ChannelId?.ToString(CultureInfo.InvariantCulture);
    public string? TransactionId => order.ChannelPoint;
    public DateTime CreatedAt => order.CreatedAt;
    public string? UsdCents => order.UsdCents?.ToString(CultureInfo.InvariantCulture);
    public bool IsSeller => caller.AccountId is { } id && id == order.SellerAccountId;
    public int? ClosedBlocksBeforeMin => order.ClosedBlocksBeforeMin;
    public int FeeAboveCapSeconds => (int)Math.Min(int.MaxValue, order.FeeAboveCapSeconds);

    /// <summary>When the current step times out, for the steps whose deadline is a time rather than a block height.</summary>
    public DateTime? Timeout => order.Status switch
    {
        OrderStatus.WaitingForSellerApproval => order.SellerApprovalDeadline,
        OrderStatus.WaitingForBuyerPayment => order.PaymentDeadline,
        OrderStatus.WaitingForChannelOpen => order.ChannelOpenDeadline,
        _ => null,
    };

    public object Confirmations => new { confirmations = order.FundingConfirmations, required = order.RequiredConfirmations };

    public object Fees => new
    {
        seller = new { sats = Sats(order.SellerFeeSat) },
        platform = new { sats = Sats(order.PlatformFeeSat) },
        buyer = new { sats = Sats(order.BuyerAmountSat) },
    };

    public object Payment => new { lightning = new { invoice = order.BuyerInvoice, pending = order.PaidAt is null } };

    public SimpleNodeView Destination => new(order.BuyerPubkey);

    public SimpleNodeView Source => new(order.SellerPubkey);

    public object Promises => new
    {
        locked_min_block_length = order.LockedMinBlockLength,
        locked_fee_rate = (int)order.LockedFeeRate,
        locked_base_fee = Sats(order.LockedBaseFee),
        locked_fee_rate_cap = (int)order.LockedFeeRateCap,
        locked_base_fee_cap = (int)order.LockedBaseFeeCap,
    };

    private static string Sats(long value) => value.ToString(CultureInfo.InvariantCulture);
}
