using Magma.Lightning;
using Magma.Lightning.Storage;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Magma.Payments.Transactions;

/// <summary>
/// Applies what the node says about an invoice to the receive that issued it. Node events call it at once and
/// the sweep calls it as a safety net; both are idempotent because the transition is conditional on the
/// current status and the ledger credit is unique per transaction.
/// </summary>
public sealed class InvoiceSettlement(SqliteDatabase database, TransactionTimeline timeline, AssetCatalog assets, TimeProvider time, ILogger<InvoiceSettlement> logger)
{
    /// <summary>
    /// <paramref name="type"/> names the node that reported the invoice: SANDBOX and LIVE run on different nodes, so a
    /// payment hash is unique only per node, and a sandbox event must never move a LIVE receive (or the reverse).
    /// </summary>
    public async Task Apply(LightningInvoice invoice, EnvironmentType type)
    {
        if (invoice.State == InvoiceState.Open)
            return;
        try
        {
            await database.Write<PaymentsDbContext>(async db =>
            {
                var tx = await db.Transactions
                    .Where(t => t.PaymentHash == invoice.PaymentHash && t.Direction == TransactionDirection.Receive && t.Status == TransactionStatus.Pending
                        && t.Stage != TransactionStage.Reserved)
                    .Join(db.Environments.Where(e => e.Type == type), t => t.EnvironmentId, e => e.Id, (t, _) => t)
                    .FirstOrDefaultAsync();
                if (tx is null)
                    return;
                var now = time.GetUtcNow().UtcDateTime;
                switch (invoice.State)
                {
                    case InvoiceState.Settled:
                        await Complete(db, tx, invoice, now);
                        break;
                    case InvoiceState.Accepted when tx.HeldAt is null:
                        tx.HeldAt = now;
                        tx.UpdatedAt = now;
                        await timeline.Record(db, tx, PaymentEventTypes.Held, "The payment's HTLC arrived and is held", new { amount_msat = invoice.AmountPaidMsat, htlc_expiry_height = invoice.HtlcExpiryHeight }, now);
                        break;
                    // An INTERNAL receive's invoice is cancelled on purpose: the internal settlement finishes it.
                    case InvoiceState.Canceled when tx.Stage != TransactionStage.Internal:
                        await Close(db, tx, tx.IsHold ? TransactionStatus.Failed : TransactionStatus.Expired, now);
                        break;
                }
                await db.SaveChangesAsync();
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another handler moved the transaction first; its outcome stands.
            logger.LogDebug("Invoice {Hash} was already applied", invoice.PaymentHash);
        }
    }

    private async Task Complete(PaymentsDbContext db, PaymentTransaction tx, LightningInvoice invoice, DateTime now)
    {
        var asset = assets.Get(tx.AssetId);
        // A BTC wallet is credited what actually arrived (a payer may overpay); an asset wallet the amount it asked.
        var credited = asset.IsBtc ? Math.Max(invoice.AmountPaidMsat, tx.AmountMsat) : tx.Amount;
        tx.Status = TransactionStatus.Completed;
        tx.Stage = TransactionStage.Final;
        // Paid through the node, even if an internal send had claimed it: that send fails as already paid.
        tx.IsInternal = false;
        tx.SettleAmount = credited;
        tx.Preimage = invoice.Preimage ?? tx.Preimage;
        tx.SettledAt = invoice.SettledAt?.UtcDateTime ?? now;
        tx.UpdatedAt = now;
        Ledger.Ledger.Post(db, tx, LedgerEntryKind.Credit, credited, now);
        await timeline.Record(db, tx, PaymentEventTypes.Completed, "Payment received", new { amount_paid_msat = invoice.AmountPaidMsat }, now);
    }

    /// <summary>Ends a pending receive without payment: FAILED or EXPIRED.</summary>
    public async Task Close(PaymentsDbContext db, PaymentTransaction tx, TransactionStatus status, DateTime now, string? error = null)
    {
        tx.Status = status;
        tx.Stage = TransactionStage.Final;
        tx.UpdatedAt = now;
        tx.Error = status == TransactionStatus.Failed ? error ?? (tx.IsHold ? "The hold invoice was cancelled." : "The payment failed.") : null;
        var (eventType, message) = status == TransactionStatus.Expired
            ? (PaymentEventTypes.Expired, "The invoice expired unpaid")
            : (PaymentEventTypes.Failed, tx.Error!);
        await timeline.Record(db, tx, eventType, message, null, now);
    }
}
