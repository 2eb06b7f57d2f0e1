using Magma.Lightning.Storage;
using Magma.Payments.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Magma.Payments.Webhooks;

/// <summary>
/// The delivery worker's units of work. Claiming marks rows IN_PROGRESS before any HTTP happens, and results are
/// recorded as soon as they are known, so the database always says which deliveries are done, running or still owed.
/// </summary>
public sealed class WebhookDeliveryStore(SqliteDatabase database, WebhookUrlPolicy urls, IOptions<PaymentsOptions> options, TimeProvider time)
{
    /// <summary>A cheap look on a read connection, so an idle poll does not queue a unit on the writer.</summary>
    public async Task<bool> AnyDue()
    {
        var now = Now;
        await using var db = database.Read<PaymentsDbContext>();
        return await Due(db, now).AnyAsync();
    }

    /// <summary>PENDING rows whose time has come, oldest first: a range scan of <c>ix_webhook_deliveries_due</c>.</summary>
    internal static IQueryable<WebhookDelivery> Due(PaymentsDbContext db, DateTime now) =>
        db.WebhookDeliveries
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now)
            .OrderBy(d => d.NextAttemptAt);

    /// <summary>
    /// Claims up to <paramref name="limit"/> due deliveries, oldest first. A delivery whose endpoint was deactivated or
    /// deleted since it was queued is closed as FAILED instead. <c>Full</c> says the limit was reached: more may be due.
    /// </summary>
    public Task<(IReadOnlyList<WebhookDeliveryJob> Jobs, bool Full)> ClaimDue(int limit) =>
        database.Write<PaymentsDbContext, (IReadOnlyList<WebhookDeliveryJob>, bool)>(async db =>
        {
            // Read the clock when the unit runs, not when it was queued: the claim time is what the sweep compares.
            var now = Now;
            var due = await Due(db, now).Take(limit).ToListAsync();
            if (due.Count == 0)
                return ([], false);

            var eventIds = due.Select(d => d.EventId).Distinct().ToList();
            var events = await db.WebhookEvents.AsNoTracking()
                .Where(e => eventIds.Contains(e.Id))
                .Join(db.Environments, e => e.EnvironmentId, env => env.Id, (e, env) => new { e.Id, e.Payload, e.TransactionId, env.Type })
                .ToDictionaryAsync(e => e.Id);
            var endpointIds = due.Where(d => d.EndpointId != null).Select(d => d.EndpointId!).Distinct().ToList();
            var endpoints = await db.WebhookEndpoints.AsNoTracking()
                .Where(e => endpointIds.Contains(e.Id))
                .ToDictionaryAsync(e => e.Id);

            var jobs = new List<WebhookDeliveryJob>(due.Count);
            foreach (var delivery in due)
            {
                delivery.UpdatedAt = now;
                var endpoint = delivery.EndpointId is null ? null : endpoints.GetValueOrDefault(delivery.EndpointId);
                if (delivery.EndpointId is not null && Unsendable(endpoint) is { } reason)
                {
                    delivery.Status = DeliveryStatus.Failed;
                    delivery.ErrorMessage = reason;
                    continue;
                }
                // Retries follow the endpoint: a changed URL or a rotated secret applies to the next attempt.
                delivery.TargetUrl = endpoint?.Url ?? delivery.TargetUrl;
                delivery.Status = DeliveryStatus.InProgress;
                var @event = events[delivery.EventId];
                jobs.Add(new WebhookDeliveryJob(delivery.Id, delivery.EventId, delivery.EndpointId, delivery.TargetUrl,
                    delivery.Body ?? @event.Payload, endpoint?.Secret, urls.RuleFor(@event.Type), delivery.AttemptNumber, @event.TransactionId));
            }
            await db.SaveChangesAsync();
            return (jobs, due.Count == limit);
        });

    /// <summary>
    /// Records finished attempts, many in one unit. A failure queues the next attempt as a new PENDING row, after the
    /// backoff, until <c>MaxAttempts</c>. An LNbits-style invoice webhook also leaves its last HTTP status (or -1) on
    /// the transaction.
    /// </summary>
    public Task Record(IReadOnlyCollection<(WebhookDeliveryJob Job, WebhookDeliveryOutcome Outcome)> results)
    {
        var settings = options.Value.Webhooks;
        var ids = results.Select(r => r.Job.DeliveryId).ToList();
        return database.Write<PaymentsDbContext>(async db =>
        {
            var now = Now;
            var deliveries = await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id);
            foreach (var (job, outcome) in results)
            {
                // A row no longer IN_PROGRESS was handed back by the sweep meanwhile; that attempt's result is moot.
                if (!deliveries.TryGetValue(job.DeliveryId, out var delivery) || delivery.Status != DeliveryStatus.InProgress)
                    continue;
                Apply(db, delivery, outcome, settings, now);
                if (job.EndpointId is null && job.TransactionId is not null)
                {
                    var status = outcome.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-1";
                    await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE transactions SET webhook_status = {status} WHERE id = {job.TransactionId}");
                }
            }
            await db.SaveChangesAsync();
        });
    }

    private static void Apply(PaymentsDbContext db, WebhookDelivery delivery, WebhookDeliveryOutcome outcome, PaymentsOptions.WebhookOptions settings, DateTime now)
    {
        delivery.HttpStatus = outcome.HttpStatus;
        delivery.UpdatedAt = now;
        if (outcome.Succeeded)
        {
            delivery.Status = DeliveryStatus.Success;
            delivery.ErrorMessage = null;
            return;
        }
        delivery.Status = DeliveryStatus.Failed;
        delivery.ErrorMessage = outcome.Error ?? $"The endpoint answered HTTP {outcome.HttpStatus}.";
        if (delivery.AttemptNumber >= settings.MaxAttempts)
        {
            delivery.ErrorMessage += $" Giving up after {delivery.AttemptNumber} attempts.";
            return;
        }
        var retry = WebhookOutbox.NewDelivery(delivery.EventId, delivery.EndpointId, delivery.TargetUrl, delivery.Body, now);
        retry.AttemptNumber = delivery.AttemptNumber + 1;
        retry.NextAttemptAt = now + WebhookRetrySchedule.Delay(delivery.AttemptNumber, settings);
        db.WebhookDeliveries.Add(retry);
    }

    /// <summary>
    /// Puts IN_PROGRESS rows back to PENDING: all of them at start-up (nothing is in flight yet, so they were cut off by
    /// a stop or a crash), or, for the periodic sweep, those claimed before <paramref name="claimedBefore"/> that this
    /// process no longer holds (<paramref name="held"/>: still sending or waiting to be recorded). The attempt may have
    /// reached the receiver before it was cut off; delivery is at least once and receivers dedupe on the event id.
    /// </summary>
    public Task<int> RecoverInterrupted(DateTime? claimedBefore = null, IReadOnlySet<string>? held = null)
    {
        var now = Now;
        var cutoff = claimedBefore ?? DateTime.MaxValue;
        return database.Write<PaymentsDbContext, int>(async db =>
        {
            var stuck = await db.WebhookDeliveries
                .Where(d => d.Status == DeliveryStatus.InProgress && d.UpdatedAt < cutoff)
                .ToListAsync();
            var recovered = 0;
            foreach (var delivery in stuck.Where(d => held is null || !held.Contains(d.Id)))
            {
                delivery.Status = DeliveryStatus.Pending;
                delivery.UpdatedAt = now;
                recovered++;
            }
            await db.SaveChangesAsync();
            return recovered;
        });
    }

    /// <summary>Hands a claimed delivery back unsent, when the worker stops before it could send.</summary>
    public Task Release(string deliveryId)
    {
        var now = Now;
        var inProgress = nameof(DeliveryStatus.InProgress);
        var pending = nameof(DeliveryStatus.Pending);
        return database.Write<PaymentsDbContext, int>(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE webhook_deliveries SET status = {pending}, updated_at = {now} WHERE id = {deliveryId} AND status = {inProgress}"));
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string? Unsendable(WebhookEndpoint? endpoint) => endpoint switch
    {
        null or { DeletedAt: not null } => "The webhook endpoint was deleted before this delivery was sent.",
        { Active: false } => "The webhook endpoint was deactivated before this delivery was sent.",
        _ => null,
    };
}
