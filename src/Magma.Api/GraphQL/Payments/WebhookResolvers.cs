using Magma.GraphQL.Schema;
using Magma.Payments.Transactions;
using Magma.Payments.Webhooks;

namespace Magma.Api.GraphQL.Payments;

/// <summary>
/// webhook_endpoint and webhook_event, bound to the payments core's webhook services. The core's views already have
/// the schema's shape (<c>WebhookDelivery.status</c> is the DeliveryStatus enum, <c>idempotency_key</c> the event id,
/// an LNbits invoice webhook's deliveries a null <c>webhook_endpoint_id</c>), so they are returned as they are.
/// </summary>
public static class WebhookResolvers
{
    public static SchemaBuilder AddWebhooks(this SchemaBuilder builder) => builder
        .Namespaces("PaymentQueries.webhook_endpoint", "PaymentQueries.webhook_event", "PaymentMutations.webhook_endpoint", "WebhookEndpointQueries.find_many")
        .Field("WebhookEndpointQueries.available_event_types", (_, rc) =>
            Task.FromResult<object?>(rc.Get<WebhookEndpointService>().EventTypes(rc.Payments)))
        .Field("FindManyWebhookEndpoints.list", async (ctx, rc) =>
            await rc.Get<WebhookEndpointService>().FindMany(rc.Payments, ctx.Argument<string?>("environment_id")))
        .Field("WebhookEndpointQueries.find_one", async (ctx, rc) =>
            await rc.Get<WebhookEndpointService>().FindOne(rc.Payments, ctx.Argument<string>("id")))
        .Field("WebhookEndpointMutations.create", async (ctx, rc) =>
        {
            var input = ctx.Argument<CreateEndpointInput>("input");
            return await rc.Get<WebhookEndpointService>().Create(rc.Payments, input.EnvironmentId, input.Url, input.EventFilters, ctx.CancellationToken);
        })
        .Field("WebhookEndpointMutations.update", async (ctx, rc) =>
        {
            var input = ctx.Argument<UpdateEndpointInput>("input");
            return await rc.Get<WebhookEndpointService>().Update(rc.Payments, input.Id, input.Url, input.EventFilters, input.Active, ctx.CancellationToken);
        })
        .Field("WebhookEndpointMutations.rotate_secret", async (ctx, rc) =>
            await rc.Get<WebhookEndpointService>().RotateSecret(rc.Payments, ctx.Argument<string>("id")))
        .Field("WebhookEndpointMutations.delete", async (ctx, rc) =>
            (object?)await rc.Get<WebhookEndpointService>().Delete(rc.Payments, ctx.Argument<string>("id")))
        .Field("WebhookEventQueries.find_one", async (ctx, rc) =>
            await rc.Get<WebhookEventQueries>().FindOne(rc.Payments, ctx.Argument<string>("id")))
        .Field("WebhookEventQueries.find_many", async (ctx, rc) =>
        {
            var input = ctx.Argument<ListEventsInput>("input");
            var found = await rc.Get<WebhookEventQueries>().FindMany(rc.Payments, input.EnvironmentId, input.Filter?.ToFilter(),
                // Left out, the page is the event queries' own default (limit 20), not the transactions' 50.
                input.Page is { } page ? new WebhookEventPage(page.Limit, page.Offset) : null);
            return new
            {
                list = found.List,
                pagination = new { limit = (double)found.Pagination.Limit, offset = (double)found.Pagination.Offset },
                total_count = found.TotalCount,
            };
        });

    public sealed record CreateEndpointInput(string? EnvironmentId, string? Url, List<string>? EventFilters);

    public sealed record UpdateEndpointInput(string? Id, string? Url, List<string>? EventFilters, bool? Active);

    /// <summary>WebhookEventFilterInput: the date range includes <c>from</c> and excludes <c>to</c>, as for transactions.</summary>
    public sealed record EventFilterInput(EventDateRange? DateRange, string? EndpointId, string? EventType, string? TransactionId, string? WalletId)
    {
        public WebhookEventFilter ToFilter() => new(DateRange?.From, DateRange?.To, EndpointId, EventType, TransactionId, WalletId);
    }

    public sealed record EventDateRange(DateTimeOffset? From, DateTimeOffset? To);

    public sealed record ListEventsInput(string? EnvironmentId, EventFilterInput? Filter, Page? Page);
}
