using System.Text.Json;
using Magma.Payments.Data;

namespace Magma.Payments.Webhooks;

/// <summary>A webhook endpoint as callers see it: never with its secret, which is only shown by create and rotate.</summary>
public sealed record WebhookEndpointView(
    string Id,
    string EnvironmentId,
    string Url,
    IReadOnlyList<string> EventFilters,
    bool Active,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static WebhookEndpointView From(WebhookEndpoint endpoint) => new(
        endpoint.Id, endpoint.EnvironmentId, endpoint.Url, ParseFilters(endpoint.EventFilters), endpoint.Active,
        endpoint.CreatedAt, endpoint.UpdatedAt);

    public static IReadOnlyList<string> ParseFilters(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];
}

/// <summary>What create and rotate_secret return: the endpoint and its signing secret, shown this once.</summary>
public sealed record WebhookEndpointWithSecret(WebhookEndpointView Endpoint, string Secret);
