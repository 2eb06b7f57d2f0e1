namespace Magma.Payments.Transactions;

/// <summary>Timeline and webhook event types. The first four are public webhook events.</summary>
public static class PaymentEventTypes
{
    public const string Pending = "payment.pending";
    public const string Completed = "payment.completed";
    public const string Failed = "payment.failed";
    public const string Expired = "payment.expired";

    /// <summary>Timeline only: a hold invoice's HTLC arrived and is held.</summary>
    public const string Held = "payment.held";

    /// <summary>Timeline only: a send was handed to the Lightning node.</summary>
    public const string Dispatched = "payment.dispatched";

    public static IReadOnlyList<string> Webhook { get; } = [Pending, Completed, Failed, Expired];
}
