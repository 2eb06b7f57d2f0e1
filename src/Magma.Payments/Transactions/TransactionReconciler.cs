using System.Linq.Expressions;
using Magma.Lightning;
using Magma.Lightning.Storage;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Magma.Payments.Transactions;

/// <summary>
/// The safety net behind the node events: expires unpaid receives, follows sends the node still has in flight,
/// finishes work a crash interrupted (including internal settlements waiting on the node's cancel), and runs due sandbox behaviours. Each step is bounded and uses an index.
/// </summary>
public sealed class TransactionReconciler(
    SqliteDatabase database,
    EnvironmentNodes nodes,
    InvoiceSettlement settlement,
    SendDispatcher dispatcher,
    InternalSettlement internalSettlement,
    SandboxOutcomes sandbox,
    InvoiceIssuer issuer,
    TimeProvider time,
    ILogger<TransactionReconciler> logger)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    /// <summary>Longer than any node call a receive waits on: a reservation this old belongs to a request that died.</summary>
    private static readonly TimeSpan AbandonedReservation = TimeSpan.FromMinutes(2);
    private const int BatchSize = 200;

    public async Task Sweep(CancellationToken cancellationToken = default)
    {
        await sandbox.RunDue(BatchSize);
        await FinishAbandonedReservations(cancellationToken);
        await ExpireReceives(cancellationToken);
        await FollowSends(cancellationToken);
    }

    private async Task ExpireReceives(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (tx, type) in await Pending(TransactionDirection.Receive, ExpiredReceives(now)))
        {
            var node = nodes.For(type);
            var invoice = await node.LookupInvoice(tx.PaymentHash!, cancellationToken);
            if (invoice?.State is InvoiceState.Settled or InvoiceState.Accepted)
            {
                await settlement.Apply(invoice, type);
                continue;
            }
            // Cancel first, so a payment cannot land on an invoice we are about to call expired.
            if (await node.CancelInvoice(tx.PaymentHash!, cancellationToken) == CancelInvoiceResult.AlreadySettled)
                continue;
            await settlement.Apply(invoice is null ? Canceled(tx) : invoice with { State = InvoiceState.Canceled }, type);
        }
    }

    /// <summary>
    /// A receive whose request died between claiming its idempotency key and recording the node's invoice would
    /// hold the key forever, and a payment to that invoice would go uncredited. If the node has the invoice, the
    /// transaction is finished as the request would have; if not, the reservation is dropped and the key is free.
    /// </summary>
    private async Task FinishAbandonedReservations(CancellationToken cancellationToken)
    {
        var abandoned = time.GetUtcNow().UtcDateTime - AbandonedReservation;
        foreach (var (tx, type) in await Pending(TransactionDirection.Receive, AbandonedReservations(abandoned)))
        {
            try
            {
                var invoice = tx.PaymentHash is null ? null : await nodes.For(type).LookupInvoice(tx.PaymentHash, cancellationToken);
                if (invoice is null)
                {
                    await IdempotencyGuard.Release(database, tx.Id);
                    continue;
                }
                await issuer.Record(tx, invoice.PaymentRequest, claimed: true, time.GetUtcNow().UtcDateTime);
                if (invoice.State is InvoiceState.Settled or InvoiceState.Accepted or InvoiceState.Canceled)
                    await settlement.Apply(invoice, type);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Finishing the abandoned reservation {TransactionId} failed; the next sweep retries", tx.Id);
            }
        }
    }

    private async Task FollowSends(CancellationToken cancellationToken)
    {
        var stale = time.GetUtcNow().UtcDateTime - Grace;
        // One query per stage: SQLite seeks (stage, direction, age) for one stage, but for an IN of three it would
        // rather walk every pending row, open invoices included.
        foreach (var stage in InFlightSendStages)
        foreach (var (tx, type) in await Pending(TransactionDirection.Send, SendsToFollow(stage, stale)))
        {
            try
            {
                if (tx.Stage == TransactionStage.Open)
                    await dispatcher.Dispatch(tx.Id);
                else if (tx.Stage == TransactionStage.Internal)
                    await internalSettlement.Finish(tx.Id, type, cancellationToken);
                else
                    await dispatcher.Track(tx, type);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Following send {TransactionId} failed; the next sweep retries", tx.Id);
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Checks every pending receive against the node, as after a (re)connection to its event stream.</summary>
    public async Task CatchUp(EnvironmentType type, CancellationToken cancellationToken)
    {
        var node = nodes.For(type);
        foreach (var (tx, _) in await Pending(TransactionDirection.Receive, t => t.Stage == TransactionStage.Open, type, int.MaxValue))
        {
            if (await node.LookupInvoice(tx.PaymentHash!, cancellationToken) is { } invoice)
                await settlement.Apply(invoice, type);
        }
    }

    internal static Expression<Func<PaymentTransaction, bool>> ExpiredReceives(DateTime now) =>
        t => t.Stage == TransactionStage.Open && t.ExpiresAt <= now && t.HeldAt == null;

    internal static Expression<Func<PaymentTransaction, bool>> AbandonedReservations(DateTime before) =>
        t => t.Stage == TransactionStage.Reserved && t.UpdatedAt <= before;

    private static readonly TransactionStage[] InFlightSendStages = [TransactionStage.Dispatched, TransactionStage.Open, TransactionStage.Internal];

    // Direction as a literal, not only PendingQuery's parameter: the stage index holds sends and reservations only,
    // and SQLite uses a partial index only when the query's own text implies its condition.
    internal static Expression<Func<PaymentTransaction, bool>> SendsToFollow(TransactionStage stage, DateTime before) =>
        t => t.Direction == TransactionDirection.Send && t.Stage == stage && t.UpdatedAt <= before;

    private async Task<List<(PaymentTransaction Tx, EnvironmentType Type)>> Pending(
        TransactionDirection direction, Expression<Func<PaymentTransaction, bool>> condition, EnvironmentType? type = null, int limit = BatchSize)
    {
        await using var db = database.Read<PaymentsDbContext>();
        var rows = await PendingQuery(db, direction, condition, type, limit).ToListAsync();
        return rows.Where(r => r.Type == EnvironmentType.Sandbox || nodes.LiveAvailable).Select(r => (r.Tx, r.Type)).ToList();
    }

    /// <summary>Runs every second: each condition must reach its rows through an index, never by walking all pending rows.</summary>
    internal static IQueryable<PendingRow> PendingQuery(PaymentsDbContext db, TransactionDirection direction,
        Expression<Func<PaymentTransaction, bool>> condition, EnvironmentType? type = null, int limit = BatchSize) =>
        db.Transactions
            .Where(t => t.Status == TransactionStatus.Pending && t.Direction == direction)
            .Where(condition)
            .Join(db.Environments, t => t.EnvironmentId, e => e.Id, (t, e) => new PendingRow { Tx = t, Type = e.Type })
            .Where(x => type == null || x.Type == type)
            .Take(limit);

    // Initialised members, not a constructor: EF can only filter on what it can see being assigned.
    internal sealed class PendingRow
    {
        public required PaymentTransaction Tx { get; init; }
        public required EnvironmentType Type { get; init; }
    }

    private static LightningInvoice Canceled(PaymentTransaction tx) =>
        new(tx.PaymentHash!, tx.PaymentRequest ?? "", tx.AmountMsat, 0, InvoiceState.Canceled, tx.IsHold, tx.Description, null,
            tx.CreatedAt, tx.ExpiresAt ?? tx.CreatedAt, null, null, 0, 0);
}
