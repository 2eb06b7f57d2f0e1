using Magma.Lightning.Storage;
using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Webhooks;

/// <summary>
/// <c>payment.webhook_event.*</c>: the outbox and its delivery log, for support and reconciliation. A key scoped to
/// one wallet sees only that wallet's events. Marketplace accounts' order events are left out: they are written in
/// the platform environment but belong to the accounts, and describe their orders, not the environment's payments.
/// </summary>
public sealed class WebhookEventQueries(SqliteDatabase database, EnvironmentService environments)
{
    private const int MaxEventIdLength = 200;

    public async Task<WebhookEventView> FindOne(Caller caller, string? eventId)
    {
        caller.Require(PermissionResource.Webhooks, PermissionLevel.Read);
        if (string.IsNullOrEmpty(eventId) || eventId.Length > MaxEventIdLength)
            throw new MagmaException(PaymentErrors.InvalidId, "Invalid ID", "id");
        await using var db = database.Read<PaymentsDbContext>();
        var found = await db.WebhookEvents
            .Where(e => e.Id == eventId && e.AccountId == null)
            .Join(db.Environments.Where(env => env.DeletedAt == null), e => e.EnvironmentId, env => env.Id, (e, _) => e)
            .FirstOrDefaultAsync();
        if (found is null || !CanSee(caller, found))
            throw new MagmaException(PaymentErrors.WebhookEventNotFound, "Webhook event not found.");
        var deliveries = await db.WebhookDeliveries.Where(d => d.EventId == found.Id).ToListAsync();
        return WebhookEventView.From(found, deliveries);
    }

    public async Task<WebhookEventList> FindMany(Caller caller, string? environmentId, WebhookEventFilter? filter = null, WebhookEventPage? page = null)
    {
        caller.Require(PermissionResource.Webhooks, PermissionLevel.Read);
        var environment = await environments.Find(caller, Ids.Require(environmentId, "environment_id"));
        filter ??= new WebhookEventFilter();
        if (filter.From > filter.To)
            throw PaymentErrors.Invalid("filter.date_range.from must not be after filter.date_range.to.", "filter.date_range");
        page = ValidPage(page);

        await using var db = database.Read<PaymentsDbContext>();
        var query = db.WebhookEvents.Where(e => e.EnvironmentId == environment.Id && e.AccountId == null);
        if (caller is Caller.ServiceKey { WalletId: { } scopedWallet })
            query = query.Where(e => e.WalletId == scopedWallet);
        if (filter.From is { } from)
        {
            var fromUtc = from.UtcDateTime;
            query = query.Where(e => e.CreatedAt >= fromUtc);
        }
        if (filter.To is { } to)
        {
            var toUtc = to.UtcDateTime;
            query = query.Where(e => e.CreatedAt < toUtc);
        }
        if (filter.EventType is { } eventType)
        {
            if (!WebhookEndpointService.AvailableEventTypes.Contains(eventType))
                throw PaymentErrors.Invalid($"filter.event_type must be one of {string.Join(", ", WebhookEndpointService.AvailableEventTypes)}.", "filter.event_type");
            query = query.Where(e => e.EventType == eventType);
        }
        if (filter.TransactionId is not null)
        {
            var transactionId = Ids.Require(filter.TransactionId, "filter.transaction_id");
            query = query.Where(e => e.TransactionId == transactionId);
        }
        if (filter.WalletId is not null)
        {
            var walletId = Ids.Require(filter.WalletId, "filter.wallet_id");
            query = query.Where(e => e.WalletId == walletId);
        }
        if (filter.EndpointId is not null)
        {
            var endpointId = Ids.Require(filter.EndpointId, "filter.endpoint_id");
            query = query.Where(e => db.WebhookDeliveries.Any(d => d.EventId == e.Id && d.EndpointId == endpointId));
        }

        var total = await query.CountAsync();
        var events = await query
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Skip(page.Offset).Take(page.Limit)
            .ToListAsync();
        var ids = events.Select(e => e.Id).ToList();
        var deliveries = (await db.WebhookDeliveries.Where(d => ids.Contains(d.EventId)).ToListAsync()).ToLookup(d => d.EventId);
        return new WebhookEventList(events.Select(e => WebhookEventView.From(e, deliveries[e.Id])).ToList(), total, page);
    }

    private static bool CanSee(Caller caller, WebhookEvent e) => e.WalletId is null
        ? caller.CanSeeEnvironment(e.EnvironmentId) && caller is not Caller.ServiceKey { WalletId: not null }
        : caller.CanSeeWallet(e.EnvironmentId, e.WalletId);

    private static WebhookEventPage ValidPage(WebhookEventPage? page)
    {
        page ??= new WebhookEventPage();
        if (page.Limit is < 1 or > WebhookEventPage.MaxLimit)
            throw PaymentErrors.Invalid($"page.limit must be between 1 and {WebhookEventPage.MaxLimit}.", "page.limit");
        if (page.Offset < 0)
            throw PaymentErrors.Invalid("page.offset must not be negative.", "page.offset");
        return page;
    }
}
