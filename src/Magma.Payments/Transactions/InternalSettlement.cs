using Magma.Payments.Data;
using Magma.Payments.Environments;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Transactions;

/// <summary>
/// A send to an invoice another wallet on the same node issued never touches Lightning: both sides settle in
/// the send's unit and the node's copy of the invoice is cancelled so nobody can pay it a second time.
/// </summary>
public sealed class InternalSettlement(EnvironmentNodes nodes, SendOutcomes sends, TransactionTimeline timeline)
{
    public async Task TrySettle(PaymentsDbContext db, PaymentTransaction send, PaymentsEnvironment environment, DateTime now)
    {
        if (send.Stage != TransactionStage.Open)
            return;
        var receive = await db.Transactions
            .Where(t => t.PaymentHash == send.PaymentHash && t.Direction == TransactionDirection.Receive
                && t.Status == TransactionStatus.Pending && t.Stage == TransactionStage.Open && !t.IsHold && t.Preimage != null)
            .Join(db.Environments.Where(e => e.Type == environment.Type), t => t.EnvironmentId, e => e.Id, (t, _) => t)
            .FirstOrDefaultAsync();
        // Only the very invoice the wallet issued: a made-up invoice reusing its hash with another amount or payee
        // would otherwise debit one amount and credit another.
        if (receive is null || !string.Equals(receive.PaymentRequest, send.PaymentRequest, StringComparison.OrdinalIgnoreCase))
            return;

        send.IsInternal = true;
        await sends.Complete(db, send, feeMsat: 0, receive.Preimage, now, "Paid internally to another wallet on this node");
        receive.IsInternal = true;
        receive.Status = TransactionStatus.Completed;
        receive.Stage = TransactionStage.Final;
        receive.SettleAmount = receive.Amount;
        receive.SettledAt = now;
        receive.UpdatedAt = now;
        Ledger.Ledger.Post(db, receive, LedgerEntryKind.Credit, receive.Amount, now);
        await timeline.Record(db, receive, PaymentEventTypes.Completed, "Payment received internally from another wallet on this node", null, now);
    }

    public Task CancelPaidInvoice(PaymentsEnvironment environment, string paymentHash) =>
        nodes.For(environment.Type).CancelInvoice(paymentHash);
}
