namespace Magma.Market.Orders;

/// <summary>Magma's 17 order statuses, named exactly as Magma's API names them.</summary>
public enum OrderStatus
{
    WaitingForSellerApproval,
    WaitingForBuyerPayment,
    WaitingForChannelOpen,
    SellerSentTransaction,
    WaitingForOnChainConfirmation,
    OnChainConfirmation,
    SellerOpenedChannel,
    ValidChannelOpening,
    ChannelMonitoringFinished,
    SellerRejected,
    SellerFailedToReact,
    BuyerRejected,
    BuyerFailedToPay,
    SellerFailedToOpenChannel,
    /// <summary>Legacy on-chain swap failure: part of the vocabulary, never entered.</summary>
    SellerFailedToSendSwap,
    InvalidChannelOpening,
    AdminClosed,
}

/// <summary>The payment side of an order, independent of its status.</summary>
public enum OrderPaymentStatus
{
    PendingPayment,
    /// <summary>The buyer's HTLC is held, or was settled.</summary>
    SuccessfulPayment,
    HodlInvoiceTimeout,
    SellerInvoiceExpired,
    InvalidPaymentSecret,
    PaymentRejectedByDestination,
    PaymentFailed,
}

public static class OrderStatuses
{
    public static readonly IReadOnlyList<OrderStatus> Failures =
    [
        OrderStatus.SellerRejected, OrderStatus.SellerFailedToReact, OrderStatus.BuyerRejected, OrderStatus.BuyerFailedToPay,
        OrderStatus.SellerFailedToOpenChannel, OrderStatus.SellerFailedToSendSwap, OrderStatus.InvalidChannelOpening, OrderStatus.AdminClosed,
    ];

    /// <summary>Statuses in which the buyer's HTLC may be held and must be resolved before its deadline.</summary>
    public static readonly IReadOnlyList<OrderStatus> HtlcHeld =
    [
        OrderStatus.WaitingForChannelOpen, OrderStatus.SellerSentTransaction, OrderStatus.WaitingForOnChainConfirmation,
        OrderStatus.OnChainConfirmation, OrderStatus.SellerOpenedChannel, OrderStatus.ValidChannelOpening,
    ];

    public static bool IsFailure(this OrderStatus status) => Failures.Contains(status);

    public static bool IsTerminal(this OrderStatus status) => status == OrderStatus.ChannelMonitoringFinished || status.IsFailure();

    /// <summary>Orders that lock offer liquidity: everything but the failures (a success keeps it).</summary>
    public static bool LocksLiquidity(this OrderStatus status) => !status.IsFailure();

    /// <summary>The funding transaction is published: LSPS1's COMPLETED (unless the order then failed).</summary>
    public static bool FundingPublished(this OrderStatus status) =>
        status is OrderStatus.SellerSentTransaction or OrderStatus.WaitingForOnChainConfirmation or OrderStatus.OnChainConfirmation
            or OrderStatus.SellerOpenedChannel or OrderStatus.ValidChannelOpening or OrderStatus.ChannelMonitoringFinished;
}
