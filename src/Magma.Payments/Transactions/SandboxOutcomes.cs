using Magma.Lightning.Storage;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Magma.Payments.Transactions;

/// <summary>
/// Carries out due sandbox behaviours. A receive set to <c>complete</c> is paid by Simnet's external payer, so
/// it completes through the same node event as a real payment; <c>fail</c> cancels its invoice. Sends settle
/// without touching Lightning.
/// </summary>
public sealed class SandboxOutcomes(
    SqliteDatabase database,
    ISandboxPayer payer,
    EnvironmentNodes nodes,
    SendOutcomes sends,
    InternalSettlement internalSettlement,
    InvoiceSettlement receives,
    TimeProvider time,
    ILogger<SandboxOutcomes> logger)
{
    public async Task<int> RunDue(int limit = 200)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<PaymentTransaction> due;
        await using (var db = database.Read<PaymentsDbContext>())
            due = await DueQuery(db, now, limit).ToListAsync();
        foreach (var tx in due)
        {
            try
            {
                await Run(tx, now);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Resolved another way in the meantime (paid for real, cancelled): nothing to do.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sandbox behaviour for transaction {TransactionId} failed", tx.Id);
            }
        }
        return due.Count;
    }

    /// <summary>Runs every second; the stage is a literal so SQLite can use the partial index on due sandbox rows.</summary>
    internal static IQueryable<PaymentTransaction> DueQuery(PaymentsDbContext db, DateTime now, int limit) =>
        db.Transactions
            .Where(t => t.Stage == TransactionStage.SandboxScheduled && t.SandboxDueAt <= now)
            .OrderBy(t => t.SandboxDueAt)
            .Take(limit);

    private async Task Run(PaymentTransaction tx, DateTime now)
    {
        var outcome = Enum.Parse<SandboxOutcome>(tx.SandboxBehavior!, ignoreCase: true);
        if (tx.Direction == TransactionDirection.Receive && outcome == SandboxOutcome.Complete)
        {
            await Update(tx, async (db, current) =>
            {
                current.Stage = TransactionStage.Open;
                current.UpdatedAt = now;
                await Task.CompletedTask;
            });
            // An internal send may have claimed the invoice in the meantime, and then the payer finds it cancelled:
            // that send settles the receive, so only a receive still open is failed here.
            if (!await payer.Pay(tx.PaymentRequest!))
                await Update(tx, async (db, current) =>
                {
                    if (current.Stage == TransactionStage.Open)
                        await receives.Close(db, current, TransactionStatus.Failed, now, "The sandbox payer could not pay the invoice.");
                });
            return;
        }
        if (tx.Direction == TransactionDirection.Receive)
        {
            // Close first, then cancel: the node's cancel event would otherwise race this unit and close the
            // receive as expired. Once closed, that event finds nothing pending.
            await Update(tx, (db, current) => receives.Close(db, current,
                outcome == SandboxOutcome.Fail ? TransactionStatus.Failed : TransactionStatus.Expired, now, "Payment failed (sandbox behavior: fail)."));
            await nodes.Sandbox.CancelInvoice(tx.PaymentHash!);
            return;
        }
        PaymentsEnvironment? paidInternally = null;
        await Update(tx, async (db, current) =>
        {
            switch (outcome)
            {
                case SandboxOutcome.Complete:
                    // Completing a send to another wallet's invoice on this node must credit that wallet too, as a
                    // real internal payment does; otherwise the sender would be debited and nobody paid.
                    var environment = await db.Environments.FirstAsync(e => e.Id == current.EnvironmentId);
                    switch (await internalSettlement.TryClaim(db, current, environment, now))
                    {
                        case InternalClaim.Claimed:
                            paidInternally = environment;
                            break;
                        case InternalClaim.NotHere:
                            await sends.Complete(db, current, feeMsat: 0, preimage: null, now, "Payment sent (sandbox behavior: complete)");
                            break;
                    }
                    break;
                case SandboxOutcome.Fail:
                    await sends.Close(db, current, TransactionStatus.Failed, "Payment failed (sandbox behavior: fail).", now);
                    break;
                default:
                    await sends.Close(db, current, TransactionStatus.Expired, null, now);
                    break;
            }
        });
        if (paidInternally is not null)
            await internalSettlement.Finish(tx.Id, paidInternally.Type);
    }

    private Task Update(PaymentTransaction tx, Func<PaymentsDbContext, PaymentTransaction, Task> change) =>
        database.Write<PaymentsDbContext>(async db =>
        {
            var current = await db.Transactions.FirstAsync(t => t.Id == tx.Id);
            if (current.Status != TransactionStatus.Pending)
                return;
            await change(db, current);
            await db.SaveChangesAsync();
        });
}
