using System.Text.Json;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Errors;
using Magma.Market.Escrow;
using Magma.Market.Orders;
using Magma.Payments;
using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Errors;
using Magma.Payments.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Magma.Market.Accounts;

/// <summary>
/// A marketplace account's webhook endpoints (<c>account.create_webhook_endpoint</c> / <c>delete_webhook_endpoint</c>,
/// listed by <c>account.webhook_endpoints</c>).
/// They sit in the platform environment so the payments core's worker signs and delivers them, but carry the
/// account: only <see cref="OrderWebhooks"/> writes to them, and the environment's own queries and payment events
/// leave them alone.
/// </summary>
public sealed class AccountWebhookEndpoints(
    SqliteDatabase database,
    MarketPlatform platform,
    EnvironmentService environments,
    WebhookUrlPolicy urls,
    TimeProvider time)
{
    public static IReadOnlyList<string> AvailableEventTypes { get; } = [OrderWebhooks.EventType];

    /// <summary>An account creates for itself; the admin token names the account in <paramref name="accountId"/>.</summary>
    public async Task<WebhookEndpointWithSecret> Create(MarketCaller caller, string? accountId, string? url, IReadOnlyList<string>? eventFilters, CancellationToken cancellationToken = default)
    {
        var owner = Owner(caller, accountId);
        var filters = ValidFilters(eventFilters);
        // The stored type, not the node's current one: deliveries are checked against the environment as stored.
        var environment = await environments.Find(Caller.AdminCaller, platform.EnvironmentId);
        var checkedUrl = await urls.Validate(url, environment.Type, cancellationToken);
        var secret = WebhookEndpointService.NewSecret();
        var now = time.GetUtcNow().UtcDateTime;
        var endpoint = new WebhookEndpoint
        {
            Id = Ids.New(now), EnvironmentId = environment.Id, AccountId = owner, Url = checkedUrl, EventFilters = JsonSerializer.Serialize(filters),
            Active = true, Secret = secret, CreatedAt = now, UpdatedAt = now,
        };
        await database.Write<MarketDbContext>(async db =>
        {
            if (!await db.Accounts.AnyAsync(a => a.Id == owner))
                throw new MagmaException(MarketErrors.AccountNotFound, "Account not found.");
            db.WebhookEndpoints.Add(endpoint);
            await db.SaveChangesAsync();
        });
        return new WebhookEndpointWithSecret(WebhookEndpointView.From(endpoint), secret);
    }

    /// <summary>An account's own endpoints, oldest first, without their secrets; the admin token names the account.</summary>
    public async Task<IReadOnlyList<WebhookEndpointView>> List(MarketCaller caller, string? accountId)
    {
        var owner = Owner(caller, accountId);
        await using var db = database.Read<MarketDbContext>();
        var endpoints = await db.WebhookEndpoints.Where(e => e.AccountId == owner && e.DeletedAt == null).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync();
        return endpoints.Select(WebhookEndpointView.From).ToList();
    }

    /// <summary>Soft delete, as for environment endpoints. Another account's endpoint is NOT_FOUND, never FORBIDDEN.</summary>
    public async Task<bool> Delete(MarketCaller caller, string? id)
    {
        var endpointId = Ids.Require(id, "id");
        var owner = caller.AccountId;
        var now = time.GetUtcNow().UtcDateTime;
        var deleted = await database.Write<MarketDbContext, bool>(async db =>
        {
            var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == endpointId && e.AccountId != null && e.DeletedAt == null);
            if (endpoint is null || (owner is not null && endpoint.AccountId != owner))
                return false;
            endpoint.DeletedAt = now;
            endpoint.UpdatedAt = now;
            await db.SaveChangesAsync();
            return true;
        });
        if (!deleted)
            throw new MagmaException(PaymentErrors.WebhookEndpointNotFound, "Webhook endpoint not found.");
        return true;
    }

    private static string Owner(MarketCaller caller, string? accountId) => caller switch
    {
        MarketCaller.Admin => Ids.Require(accountId, "account_id"),
        MarketCaller.Account account when accountId is null || accountId == account.Id => account.Id,
        _ => throw new MagmaException(MarketErrors.Forbidden, "An account can only manage its own webhook endpoints."),
    };

    /// <summary>
    /// Left out or empty means every order event type there is today, stored as an explicit list: an empty list would
    /// also match any account event type added later, which the account never asked for.
    /// </summary>
    private static List<string> ValidFilters(IReadOnlyList<string>? requested)
    {
        var filters = new List<string>();
        foreach (var type in requested ?? [])
        {
            if (!AvailableEventTypes.Contains(type))
                throw MarketErrors.Invalid($"event_filters contains '{type}'; account endpoints receive {string.Join(", ", AvailableEventTypes)} only.", "event_filters");
            if (!filters.Contains(type))
                filters.Add(type);
        }
        return filters.Count == 0 ? [.. AvailableEventTypes] : filters;
    }
}
