using Magma.Lightning;
using Magma.Lightning.Storage;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Magma.Payments.Transactions;

/// <summary>What <see cref="InternalSettlement.TryClaim"/> found for a send's invoice.</summary>
public enum InternalClaim
{
    /// <summary>No wallet on this node issued the invoice: the send goes to the node.</summary>
    NotHere,
    /// <summary>Both sides are claimed for internal settlement.</summary>
    Claimed,
    /// <summary>A wallet on this node issued it, but it can no longer be paid: the send is now failed with the reason.</summary>
    Failed,
}

/// <summary>
/// A send to an invoice another wallet on the same node issued never touches Lightning. It runs in three steps,
/// because the node's copy of the invoice stays payable by anyone until the node cancels it:
/// <list type="number">
/// <item><see cref="TryClaim"/>, in the send's unit: both transactions move to <see cref="TransactionStage.Internal"/>.</item>
/// <item><see cref="Finish"/> cancels the invoice on the node, outside any unit.</item>
/// <item>Only once the node has cancelled it do both sides settle. If an outside payer got there first, their
/// payment is the receive's and the send fails as already paid.</item>
/// </list>
/// Settling before the cancel would leave a window in which an outside payer pays the node and no wallet is
/// credited. A crash between the steps leaves both transactions INTERNAL, and the reconciler calls
/// <see cref="Finish"/> again: every step is safe to repeat.
/// </summary>
public sealed class InternalSettlement(
    SqliteDatabase database,
    EnvironmentNodes nodes,
    InvoiceSettlement invoices,
    SendOutcomes sends,
    TransactionTimeline timeline,
    TimeProvider time,
    ILogger<InternalSettlement> logger)
{
    public const string AlreadyPaidError = "The invoice was already paid.";

    public const string NoLongerPayableError = "The invoice is no longer payable: it expired or was cancelled.";

    /// <summary>
    /// Claims the receive that issued the send's invoice, if this node has one open. <see cref="InternalClaim.Claimed"/>
    /// means the send is now INTERNAL and <see cref="Finish"/> must follow once the unit has committed;
    /// <see cref="InternalClaim.Failed"/> means the invoice is this node's but can no longer be paid (paid, being
    /// paid, expired or cancelled), so the send has been failed with that reason rather than sent to the node as a
    /// self-payment.
    /// </summary>
    public async Task<InternalClaim> TryClaim(PaymentsDbContext db, PaymentTransaction send, PaymentsEnvironment environment, DateTime now)
    {
        if (send.Status != TransactionStatus.Pending)
            return InternalClaim.NotHere;
        var candidates = await db.Transactions
            .Where(t => t.PaymentHash == send.PaymentHash && t.Direction == TransactionDirection.Receive && !t.IsHold
                && t.Stage != TransactionStage.Reserved)
            .Join(db.Environments.Where(e => e.Type == environment.Type), t => t.EnvironmentId, e => e.Id, (t, _) => t)
            .ToListAsync();
        // Only the very invoice the wallet issued: a made-up invoice reusing its hash with another amount or payee
        // would otherwise debit one amount and credit another.
        var receive = candidates.FirstOrDefault(t => string.Equals(t.PaymentRequest, send.PaymentRequest, StringComparison.OrdinalIgnoreCase));
        if (receive is null)
            return InternalClaim.NotHere;
        if (receive.Status == TransactionStatus.Completed || receive.Stage == TransactionStage.Internal)
            return await Fail(db, send, AlreadyPaidError, now);
        // A sandbox receive still waiting for its scheduled behaviour is payable too: a real payment comes first, and
        // the behaviour then finds it claimed.
        if (receive.Status != TransactionStatus.Pending || receive.Stage is not (TransactionStage.Open or TransactionStage.SandboxScheduled)
            || receive.ExpiresAt <= now || receive.Preimage is null)
            return await Fail(db, send, NoLongerPayableError, now);

        // Units run one at a time on the writer, so a second send for this receive finds it INTERNAL already.
        send.IsInternal = true;
        send.Stage = TransactionStage.Internal;
        send.UpdatedAt = now;
        receive.IsInternal = true;
        receive.Stage = TransactionStage.Internal;
        receive.UpdatedAt = now;
        return InternalClaim.Claimed;
    }

    private async Task<InternalClaim> Fail(PaymentsDbContext db, PaymentTransaction send, string error, DateTime now)
    {
        await sends.Close(db, send, TransactionStatus.Failed, error, now);
        return InternalClaim.Failed;
    }

    /// <summary>
    /// Cancels the claimed invoice on the node, then settles both sides; if an outside payer paid it first, the send
    /// fails and the receive is credited with that payment instead.
    /// </summary>
    public async Task Finish(string sendId, EnvironmentType type, CancellationToken cancellationToken = default)
    {
        var hash = await ClaimedHash(sendId);
        if (hash is null)
            return;
        var node = nodes.For(type);
        // NotFound means the node has no payable invoice under this hash either: nobody else can pay it.
        if (await node.CancelInvoice(hash, cancellationToken) != CancelInvoiceResult.AlreadySettled)
        {
            await Settle(sendId, hash);
            return;
        }

        logger.LogInformation("Invoice {Hash} was paid from outside before the internal send {SendId}; the send fails", hash, sendId);
        await GiveBack(sendId, hash);
        // Credit the outside payment now rather than at the next sweep.
        if (await node.LookupInvoice(hash, cancellationToken) is { } invoice)
            await invoices.Apply(invoice, type);
    }

    private async Task<string?> ClaimedHash(string sendId)
    {
        await using var db = database.Read<PaymentsDbContext>();
        return await db.Transactions
            .Where(t => t.Id == sendId && t.Stage == TransactionStage.Internal && t.Status == TransactionStatus.Pending)
            .Select(t => t.PaymentHash)
            .FirstOrDefaultAsync();
    }

    private Task Settle(string sendId, string hash) => WithClaimed(sendId, hash, async (db, send, receive, now) =>
    {
        // The receive left INTERNAL only if something outside this class moved it; never debit without a credit.
        if (receive is null)
        {
            await GiveBack(db, send, null, now);
            return;
        }
        await sends.Complete(db, send, feeMsat: 0, receive.Preimage, now, "Paid internally to another wallet on this node");
        receive.Status = TransactionStatus.Completed;
        receive.Stage = TransactionStage.Final;
        receive.SettleAmount = receive.Amount;
        receive.SettledAt = now;
        receive.UpdatedAt = now;
        Ledger.Ledger.Post(db, receive, LedgerEntryKind.Credit, receive.Amount, now);
        await timeline.Record(db, receive, PaymentEventTypes.Completed, "Payment received internally from another wallet on this node", null, now);
    });

    private Task GiveBack(string sendId, string hash) => WithClaimed(sendId, hash, (db, send, receive, now) => GiveBack(db, send, receive, now));

    /// <summary>
    /// The outside payer won: the send fails, and the receive, unless the node's settle event has already completed
    /// it, goes back to waiting for that event.
    /// </summary>
    private async Task GiveBack(PaymentsDbContext db, PaymentTransaction send, PaymentTransaction? receive, DateTime now)
    {
        send.IsInternal = false;
        await sends.Close(db, send, TransactionStatus.Failed, AlreadyPaidError, now);
        if (receive is null)
            return;
        receive.IsInternal = false;
        receive.Stage = TransactionStage.Open;
        receive.UpdatedAt = now;
    }

    private Task WithClaimed(string sendId, string hash,
        Func<PaymentsDbContext, PaymentTransaction, PaymentTransaction?, DateTime, Task> change) =>
        database.Write<PaymentsDbContext>(async db =>
        {
            var claimed = await db.Transactions
                .Where(t => t.PaymentHash == hash && t.Stage == TransactionStage.Internal && t.Status == TransactionStatus.Pending)
                .ToListAsync();
            // Another caller (the reconciler, a retried request) finished it first.
            if (claimed.FirstOrDefault(t => t.Id == sendId) is not { } send)
                return;
            var receive = claimed.FirstOrDefault(t => t.Direction == TransactionDirection.Receive
                && string.Equals(t.PaymentRequest, send.PaymentRequest, StringComparison.OrdinalIgnoreCase));
            await change(db, send, receive, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
}
