using Magma.Lightning;
using Magma.Lightning.Storage;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Magma.Payments.Transactions;

/// <summary>
/// Hands sends to the node and records their outcome. A send is marked DISPATCHED before the node sees it,
/// so after a crash the tracker asks the node (TrackPayment) instead of paying twice.
/// </summary>
public sealed class SendDispatcher(
    SqliteDatabase database,
    EnvironmentNodes nodes,
    SendOutcomes outcomes,
    TransactionTimeline timeline,
    TimeProvider time,
    IOptions<PaymentsOptions> options,
    ILogger<SendDispatcher> logger)
{
    /// <summary>Starts the dispatch and waits for it at most <paramref name="wait"/>; it finishes in the background otherwise.</summary>
    public async Task DispatchWithin(string transactionId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var work = Task.Run(() => Dispatch(transactionId), CancellationToken.None);
        try
        {
            await work.WaitAsync(wait, time, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async Task Dispatch(string transactionId)
    {
        try
        {
            var (tx, type) = await database.Write<PaymentsDbContext, (PaymentTransaction?, EnvironmentType)>(async db =>
            {
                var tx = await db.Transactions.FirstOrDefaultAsync(t => t.Id == transactionId && t.Stage == TransactionStage.Open);
                if (tx is null)
                    return (null, default);
                var now = time.GetUtcNow().UtcDateTime;
                tx.Stage = TransactionStage.Dispatched;
                tx.UpdatedAt = now;
                await timeline.Record(db, tx, PaymentEventTypes.Dispatched, "Handed to the Lightning node", null, now);
                await db.SaveChangesAsync();
                return (tx, (await db.Environments.FirstAsync(e => e.Id == tx.EnvironmentId)).Type);
            });
            if (tx is null)
                return;
            var result = await nodes.For(type).Pay(new PayInvoiceParams(tx.PaymentRequest!, tx.FeeReserveMsat, options.Value.SendTimeout));
            await Record(tx.Id, result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Dispatching send {TransactionId} failed; the tracker will retry", transactionId);
        }
    }

    /// <summary>The sweep's safety net: asks the node about a dispatched send, paying it if the node never saw it.</summary>
    public async Task Track(PaymentTransaction tx, EnvironmentType type)
    {
        var node = nodes.For(type);
        var payment = await node.GetPayment(tx.PaymentHash!);
        if (payment is null)
        {
            await Record(tx.Id, await node.Pay(new PayInvoiceParams(tx.PaymentRequest!, tx.FeeReserveMsat, options.Value.SendTimeout)));
            return;
        }
        if (payment.Status != PaymentStatus.InFlight)
            await Record(tx.Id, new PayResult(payment.Status == PaymentStatus.Succeeded ? PayOutcome.Succeeded : PayOutcome.Failed, payment));
    }

    private async Task Record(string transactionId, PayResult result)
    {
        if (result.Outcome == PayOutcome.InFlight)
            return;
        try
        {
            await database.Write<PaymentsDbContext>(async db =>
            {
                var tx = await db.Transactions.FirstAsync(t => t.Id == transactionId);
                if (tx.Status != TransactionStatus.Pending)
                    return;
                var now = time.GetUtcNow().UtcDateTime;
                if (result.Outcome == PayOutcome.Succeeded)
                    await outcomes.Complete(db, tx, result.Payment!.FeeMsat, result.Payment.Preimage, now);
                else
                    await outcomes.Close(db, tx, TransactionStatus.Failed, FailureMessage(result), now);
                await db.SaveChangesAsync();
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogDebug("Send {TransactionId} was already resolved", transactionId);
        }
    }

    private static string FailureMessage(PayResult result) => result.Outcome switch
    {
        PayOutcome.AlreadyPaid => "The invoice is already paid.",
        PayOutcome.Rejected => $"The node refused the payment: {result.Error}",
        _ => result.Payment?.FailureReason switch
        {
            PaymentFailureReason.NoRoute => "No route to the destination was found.",
            PaymentFailureReason.InsufficientBalance => "Not enough outbound liquidity to make the payment.",
            PaymentFailureReason.IncorrectPaymentDetails => "The recipient rejected the payment (unknown invoice or wrong amount).",
            PaymentFailureReason.Timeout => "The payment timed out before a route succeeded.",
            PaymentFailureReason.Canceled => "The payment was cancelled.",
            _ => "The payment failed.",
        },
    };
}
