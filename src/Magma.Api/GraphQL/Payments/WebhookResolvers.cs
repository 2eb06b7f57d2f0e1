using Magma.GraphQL.Schema;

namespace Magma.Api.GraphQL.Payments;

/// <summary>webhook_endpoint and webhook_event (bound to the payments core's webhook services).</summary>
public static class WebhookResolvers
{
    public static SchemaBuilder AddWebhooks(this SchemaBuilder builder) => builder
        .Namespaces("PaymentQueries.webhook_endpoint", "PaymentQueries.webhook_event", "PaymentMutations.webhook_endpoint", "WebhookEndpointQueries.find_many");
}
