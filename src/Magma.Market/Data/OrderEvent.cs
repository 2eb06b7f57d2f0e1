using Magma.Market.Orders;

namespace Magma.Market.Data;

/// <summary>One step of an order's timeline, written in the same transaction as the status change.</summary>
public sealed class OrderEvent
{
    public long Id { get; set; }
    public required string OrderId { get; set; }
    public OrderStatus? FromStatus { get; set; }
    public OrderStatus ToStatus { get; set; }
    public required string Trigger { get; set; }
    public OrderPaymentStatus PaymentStatus { get; set; }
    public required string Message { get; set; }
    public string? Details { get; set; }
    /// <summary>
    /// What only the order's seller and operators may read, such as the node's error when paying the seller failed.
    /// <see cref="Message"/> is what everyone in the order reads, the buyer included, so it stays in neutral words.
    /// </summary>
    public string? SellerDetail { get; set; }
    public DateTime CreatedAt { get; set; }
}
