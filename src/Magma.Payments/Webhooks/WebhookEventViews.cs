using Magma.Payments.Data;

namespace Magma.Payments.Webhooks;

/// <summary>An outbox event with its delivery log, oldest attempt first. <c>Payload</c> is the JSON sent, as stored.</summary>
public sealed record WebhookEventView(
    string Id,
    string EnvironmentId,
    string EventType,
    string Payload,
    string? TransactionId,
    string? WalletId,
    DateTime CreatedAt,
    IReadOnlyList<WebhookDeliveryView> Deliveries)
{
    /// <summary>The envelope id is deterministic per transaction and event type: it is the receiver's dedupe key.</summary>
    public string IdempotencyKey => Id;

    public static WebhookEventView From(WebhookEvent e, IEnumerable<WebhookDelivery> deliveries) => new(
        e.Id, e.EnvironmentId, e.EventType, e.Payload, e.TransactionId, e.WalletId, e.CreatedAt,
        deliveries.OrderBy(d => d.CreatedAt).ThenBy(d => d.AttemptNumber).Select(WebhookDeliveryView.From).ToList());
}

/// <summary>
/// One attempt. <c>WebhookEndpointId</c> is null for an LNbits-style invoice webhook, which goes to the URL given when
/// the invoice was created.
/// </summary>
public sealed record WebhookDeliveryView(
    string Id,
    string EventId,
    string? WebhookEndpointId,
    string TargetUrl,
    int AttemptNumber,
    DeliveryStatus Status,
    int? HttpStatus,
    string? ErrorMessage,
    DateTime NextAttemptAt,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static WebhookDeliveryView From(WebhookDelivery d) => new(
        d.Id, d.EventId, d.EndpointId, d.TargetUrl, d.AttemptNumber, d.Status, d.HttpStatus, d.ErrorMessage,
        d.NextAttemptAt, d.CreatedAt, d.UpdatedAt);
}

/// <summary><c>filter</c> of <c>webhook_event.find_many</c>: <c>From</c> is inclusive and <c>To</c> exclusive.</summary>
public sealed record WebhookEventFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? EndpointId = null,
    string? EventType = null,
    string? TransactionId = null,
    string? WalletId = null);

/// <summary>Offset pagination, as the Rails <c>PageInput</c>.</summary>
public sealed record WebhookEventPage(int Limit = WebhookEventPage.DefaultLimit, int Offset = 0)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
}

/// <summary>A page of events (newest first), the count of all that match, and the page that was applied.</summary>
public sealed record WebhookEventList(IReadOnlyList<WebhookEventView> List, int TotalCount, WebhookEventPage Pagination);
