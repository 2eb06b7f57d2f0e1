namespace Magma.Market.Orders;

/// <summary>Everything that moves an order, from people (accept, reject, cancel) or from the node and the clock.</summary>
public enum OrderTrigger
{
    SellerAccept,
    SellerReject,
    ApprovalTimeout,
    BuyerCancel,
    PaymentHeld,
    PaymentTimeout,
    FundingBroadcast,
    ChannelOpenTimeout,
    FundingSeen,
    FundingConfirmed,
    ChannelSeen,
    ChannelValid,
    ChannelInvalid,
    MonitoringFinished,
    HtlcDeadline,
    AdminClose,
}
