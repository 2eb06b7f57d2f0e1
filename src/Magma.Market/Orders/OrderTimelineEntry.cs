namespace Magma.Market.Orders;

/// <summary>One step of an order's timeline as one viewer may read it: <see cref="SellerDetail"/> is null for the buyer.</summary>
public sealed record OrderTimelineEntry(
    OrderStatus? FromStatus,
    OrderStatus ToStatus,
    string Trigger,
    OrderPaymentStatus PaymentStatus,
    string Message,
    string? Details,
    string? SellerDetail,
    DateTime CreatedAt);
