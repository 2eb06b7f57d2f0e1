using Magma.Lightning.Bolt11;
using Magma.Lightning.Simnet.Data;
using Microsoft.EntityFrameworkCore;

namespace Magma.Lightning.Simnet;

public enum ExternalPaymentOutcome { Settled, Accepted, Rejected }

/// <summary>What happened when the outside world paid a Simnet invoice.</summary>
public sealed record ExternalPaymentResult(ExternalPaymentOutcome Outcome, string? PaymentHash, InvoiceState? State, string? Error);

public sealed partial class SimnetNetwork
{
    /// <summary>
    /// A payer outside Simnet (a customer's wallet) pays an invoice issued by a Simnet node. A normal invoice
    /// settles; a hold invoice moves to ACCEPTED with its HTLC held until the issuer settles or cancels it.
    /// </summary>
    public async Task<ExternalPaymentResult> PayFromExternal(string paymentRequest, long? amountMsat = null)
    {
        var decoded = Bolt11Decoder.Decode(paymentRequest);
        if (!decoded.Success)
            return Refused(decoded.Error.Message);
        var invoice = decoded.Invoice;
        if (invoice.IsExpired(_time.GetUtcNow()))
            return Refused("invoice expired");
        var amount = invoice.AmountMsat ?? amountMsat;
        if (amount is null or <= 0)
            return Refused("amount must be specified when paying a zero amount invoice");

        var payee = invoice.Payee.ToHex();
        var changes = new SimnetChanges();
        var result = await Write(async db =>
        {
            var target = await db.Invoices.FirstOrDefaultAsync(i => i.NodePubkey == payee && i.PaymentHash == invoice.PaymentHash);
            if (target is null)
                return Refused("no Simnet node issued this invoice");
            if (!Accepts(target, amount.Value))
                return Refused($"the invoice is {target.State.ToString().ToUpperInvariant()} or the amount does not match");
            await DeliverHtlc(db, target, amount.Value, changes);
            await db.SaveChangesAsync();
            return new ExternalPaymentResult(target.IsHold ? ExternalPaymentOutcome.Accepted : ExternalPaymentOutcome.Settled, target.PaymentHash, target.State, null);
        });
        Publish(changes);
        return result;
    }

    private static ExternalPaymentResult Refused(string error) => new(ExternalPaymentOutcome.Rejected, null, null, error);
}
