using System.Text.Json;
using Magma.Lightning.Storage;
using Magma.Payments.Access;
using Magma.Payments.Credentials;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Errors;
using Magma.Payments.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Webhooks;

/// <summary>
/// Webhook endpoints of an environment (<c>payment.webhook_endpoint.*</c>). The signing secret is generated here,
/// returned once by create and rotate_secret, and kept in plaintext because HMAC signing needs it. Endpoints owned by
/// a marketplace account (<c>AccountId</c> set) live in the platform environment but are not the environment's:
/// nothing here finds or changes them.
/// </summary>
public sealed class WebhookEndpointService(SqliteDatabase database, EnvironmentService environments, WebhookUrlPolicy urls, TimeProvider time)
{
    public static IReadOnlyList<string> AvailableEventTypes => PaymentEventTypes.Webhook;

    public IReadOnlyList<string> EventTypes(Caller caller)
    {
        caller.Require(PermissionResource.Webhooks, PermissionLevel.Read);
        return AvailableEventTypes;
    }

    public async Task<WebhookEndpointWithSecret> Create(Caller caller, string? environmentId, string? url, IReadOnlyList<string>? eventFilters, CancellationToken cancellationToken = default)
    {
        RequireWrite(caller);
        var environment = await environments.Find(caller, Ids.Require(environmentId, "environment_id"));
        var filters = ValidFilters(eventFilters);
        var checkedUrl = await urls.Validate(url, environment.Type, cancellationToken);
        var secret = NewSecret();
        var now = time.GetUtcNow().UtcDateTime;
        var endpoint = new WebhookEndpoint
        {
            Id = Ids.New(now), EnvironmentId = environment.Id, Url = checkedUrl, EventFilters = JsonSerializer.Serialize(filters),
            Active = true, Secret = secret, CreatedAt = now, UpdatedAt = now,
        };
        await database.Write<PaymentsDbContext>(async db =>
        {
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync();
        });
        return new WebhookEndpointWithSecret(WebhookEndpointView.From(endpoint), secret);
    }

    /// <summary>Changes what is given; null leaves a field as it is. An empty filter list means every event.</summary>
    public async Task<WebhookEndpointView> Update(Caller caller, string? id, string? url = null, IReadOnlyList<string>? eventFilters = null, bool? active = null, CancellationToken cancellationToken = default)
    {
        RequireWrite(caller);
        var (existing, environmentType) = await Find(caller, Ids.Require(id, "id"));
        var checkedUrl = url is null ? null : await urls.Validate(url, environmentType, cancellationToken);
        var filters = eventFilters is null ? null : JsonSerializer.Serialize(ValidFilters(eventFilters));
        return await Change(existing.Id, endpoint =>
        {
            endpoint.Url = checkedUrl ?? endpoint.Url;
            endpoint.EventFilters = filters ?? endpoint.EventFilters;
            endpoint.Active = active ?? endpoint.Active;
        });
    }

    /// <summary>A new secret signs every delivery sent from now on, retries of earlier events included.</summary>
    public async Task<WebhookEndpointWithSecret> RotateSecret(Caller caller, string? id)
    {
        RequireWrite(caller);
        var (existing, _) = await Find(caller, Ids.Require(id, "id"));
        var secret = NewSecret();
        var endpoint = await Change(existing.Id, e => e.Secret = secret);
        return new WebhookEndpointWithSecret(endpoint, secret);
    }

    /// <summary>Soft delete: the endpoint disappears from queries, its delivery log stays, and nothing more is sent to it.</summary>
    public async Task<bool> Delete(Caller caller, string? id)
    {
        RequireWrite(caller);
        var (existing, _) = await Find(caller, Ids.Require(id, "id"));
        var now = time.GetUtcNow().UtcDateTime;
        return await database.Write<PaymentsDbContext, bool>(async db =>
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE webhook_endpoints SET deleted_at = {now}, updated_at = {now} WHERE id = {existing.Id} AND deleted_at IS NULL") == 1);
    }

    public async Task<WebhookEndpointView> FindOne(Caller caller, string? id)
    {
        caller.Require(PermissionResource.Webhooks, PermissionLevel.Read);
        var (endpoint, _) = await Find(caller, Ids.Require(id, "id"));
        return WebhookEndpointView.From(endpoint);
    }

    /// <summary>An API key may leave <paramref name="environmentId"/> out: it means the key's own environment.</summary>
    public async Task<IReadOnlyList<WebhookEndpointView>> FindMany(Caller caller, string? environmentId)
    {
        caller.Require(PermissionResource.Webhooks, PermissionLevel.Read);
        var id = environmentId is null ? caller.ScopedEnvironmentId() : Ids.Require(environmentId, "environment_id");
        var environment = await environments.Find(caller, id ?? throw PaymentErrors.Invalid("environment_id is required.", "environment_id"));
        await using var db = database.Read<PaymentsDbContext>();
        var endpoints = await db.WebhookEndpoints
            .Where(e => e.EnvironmentId == environment.Id && e.AccountId == null && e.DeletedAt == null)
            .OrderBy(e => e.CreatedAt)
            .ToListAsync();
        return endpoints.Select(WebhookEndpointView.From).ToList();
    }

    private async Task<(WebhookEndpoint Endpoint, EnvironmentType EnvironmentType)> Find(Caller caller, string id)
    {
        await using var db = database.Read<PaymentsDbContext>();
        var found = await db.WebhookEndpoints
            .Where(e => e.Id == id && e.AccountId == null && e.DeletedAt == null)
            .Join(db.Environments.Where(env => env.DeletedAt == null), e => e.EnvironmentId, env => env.Id, (e, env) => new { Endpoint = e, env.Type })
            .FirstOrDefaultAsync();
        if (found is null || !caller.CanSeeEnvironment(found.Endpoint.EnvironmentId))
            throw new MagmaException(PaymentErrors.WebhookEndpointNotFound, "Webhook endpoint not found.");
        return (found.Endpoint, found.Type);
    }

    private async Task<WebhookEndpointView> Change(string id, Action<WebhookEndpoint> change)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await database.Write<PaymentsDbContext, WebhookEndpointView>(async db =>
        {
            var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id && e.DeletedAt == null)
                ?? throw new MagmaException(PaymentErrors.WebhookEndpointNotFound, "Webhook endpoint not found.");
            change(endpoint);
            endpoint.UpdatedAt = now;
            await db.SaveChangesAsync();
            return WebhookEndpointView.From(endpoint);
        });
    }

    /// <summary>An endpoint receives every wallet's events, so a key limited to one wallet may not manage one.</summary>
    private static void RequireWrite(Caller caller)
    {
        caller.Require(PermissionResource.Webhooks, PermissionLevel.Write);
        if (caller is Caller.ServiceKey { WalletId: not null })
            throw new MagmaException(PaymentErrors.Forbidden, "A wallet-scoped API key cannot manage webhook endpoints: they receive the events of every wallet in the environment.");
    }

    private static List<string> ValidFilters(IReadOnlyList<string>? requested)
    {
        var filters = new List<string>();
        foreach (var type in requested ?? [])
        {
            if (!AvailableEventTypes.Contains(type))
                throw PaymentErrors.Invalid($"event_filters contains the unknown event type '{type}'; use any of {string.Join(", ", AvailableEventTypes)}.", "event_filters");
            if (!filters.Contains(type))
                filters.Add(type);
        }
        return filters;
    }

    public static string NewSecret() => SecretHash.NewToken(WebhookSigner.SecretPrefix);
}
