using Magma.Payments.Assets;
using Magma.Payments.Data;

namespace Magma.Payments.Transactions;

/// <summary>
/// Ends a send. Completing releases the reservation and debits what was really spent; failing or expiring only
/// releases it. Every path (node result, tracker, sandbox, internal settlement) ends a send through here.
/// </summary>
public sealed class SendOutcomes(TransactionTimeline timeline, AssetCatalog assets)
{
    public async Task Complete(PaymentsDbContext db, PaymentTransaction tx, long feeMsat, string? preimage, DateTime now, string message = "Payment sent")
    {
        var asset = assets.Get(tx.AssetId);
        var fee = asset.IsBtc ? feeMsat : AssetConversion.FromMsat(feeMsat, asset.Precision, assets.BtcUsdCents);
        tx.Status = TransactionStatus.Completed;
        tx.Stage = TransactionStage.Final;
        tx.FeeMsat = feeMsat;
        tx.Preimage = preimage;
        tx.SettleAmount = tx.Amount;
        tx.SettledAt = now;
        tx.UpdatedAt = now;
        Ledger.Ledger.Post(db, tx, LedgerEntryKind.Release, ReservedUnits(tx, asset), now);
        Ledger.Ledger.Post(db, tx, LedgerEntryKind.Debit, -(tx.Amount + fee), now);
        await timeline.Record(db, tx, PaymentEventTypes.Completed, message, new { fee_msat = feeMsat }, now);
    }

    public async Task Close(PaymentsDbContext db, PaymentTransaction tx, TransactionStatus status, string? error, DateTime now)
    {
        tx.Status = status;
        tx.Stage = TransactionStage.Final;
        tx.Error = status == TransactionStatus.Failed ? error : null;
        tx.UpdatedAt = now;
        Ledger.Ledger.Post(db, tx, LedgerEntryKind.Release, ReservedUnits(tx, assets.Get(tx.AssetId)), now);
        var eventType = status == TransactionStatus.Expired ? PaymentEventTypes.Expired : PaymentEventTypes.Failed;
        await timeline.Record(db, tx, eventType, error ?? "The payment expired", null, now);
    }

    /// <summary>What the reservation took: the amount plus the fee reserve, in wallet units.</summary>
    public long ReservedUnits(PaymentTransaction tx, Asset asset) =>
        tx.Amount + (asset.IsBtc ? tx.FeeReserveMsat : AssetConversion.FromMsat(tx.FeeReserveMsat, asset.Precision, assets.BtcUsdCents));
}
