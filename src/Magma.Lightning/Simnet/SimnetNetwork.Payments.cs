using System.Text.Json;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Simnet.Data;
using Magma.Lightning.Simnet.Routing;
using Magma.Lightning.Storage;
using Microsoft.EntityFrameworkCore;

namespace Magma.Lightning.Simnet;

public sealed partial class SimnetNetwork
{
    /// <summary>A node pays an invoice, following LND's SendPaymentV2 rules and outcomes.</summary>
    internal async Task<PayResult> Pay(string payer, PayInvoiceParams request, CancellationToken cancellationToken)
    {
        var decoded = Bolt11Decoder.Decode(request.PaymentRequest, Network);
        if (!decoded.Success)
            return Rejected(decoded.Error.Code == Bolt11ErrorCode.WrongNetwork
                ? $"invoice not for current active network '{Network.Name}'"
                : decoded.Error.Message);
        var invoice = decoded.Invoice;
        if (invoice.IsExpired(_time.GetUtcNow()))
            return Rejected($"invoice expired. Valid until {invoice.ExpiresAt:u}");
        if (invoice.AmountMsat is null && request.AmountMsat is null)
            return Rejected("amount must be specified when paying a zero amount invoice");
        if (invoice.AmountMsat is not null && request.AmountMsat is not null)
            return Rejected("amount must not be specified when paying a non-zero amount invoice");
        if (invoice.Payee.ToHex() == payer)
            return Rejected("self-payments not allowed");

        var amount = invoice.AmountMsat ?? request.AmountMsat!.Value;
        var hash = invoice.PaymentHash;
        var resolution = Events.PaymentResolution(payer, hash);
        var changes = new SimnetChanges();
        var (outcome, payment) = await Write(db => SendHtlc(db, payer, invoice, amount, request.FeeLimitMsat, changes));
        Publish(changes);
        if (outcome != PayOutcome.InFlight)
            return outcome == PayOutcome.Rejected
                ? Rejected("payment is in transition")
                : new PayResult(outcome, payment.ToPort(), outcome == PayOutcome.Failed ? payment.FailureReason.ToString() : null);

        try
        {
            await resolution.WaitAsync(request.Timeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Still held on the far side when our send timeout passed: report IN_FLIGHT, as LND would.
        }
        var current = await GetPayment(payer, hash) ?? payment.ToPort();
        return new PayResult(current.Status switch
        {
            PaymentStatus.Succeeded => PayOutcome.Succeeded,
            PaymentStatus.Failed => PayOutcome.Failed,
            _ => PayOutcome.InFlight,
        }, current);
    }

    private async Task<(PayOutcome, SimPayment)> SendHtlc(SimnetDbContext db, string payer, Bolt11Invoice invoice, long amount, long feeLimitMsat, SimnetChanges changes)
    {
        var hash = invoice.PaymentHash;
        var payee = invoice.Payee.ToHex();
        var previous = await db.Payments
            .Where(p => p.NodePubkey == payer && p.PaymentHash == hash && p.Status != PaymentStatus.Failed)
            .FirstOrDefaultAsync();
        if (previous is not null)
            return (previous.Status == PaymentStatus.Succeeded ? PayOutcome.AlreadyPaid : PayOutcome.Rejected, previous);

        var payment = new SimPayment
        {
            NodePubkey = payer, PaymentHash = hash, PaymentRequest = invoice.PaymentRequest, Destination = payee,
            ValueMsat = amount, Status = PaymentStatus.InFlight, Route = "[]", CreatedAt = Now,
        };
        db.Payments.Add(payment);

        var target = await db.Invoices.FirstOrDefaultAsync(i => i.NodePubkey == payee && i.PaymentHash == hash);
        var route = target is null && !await db.Nodes.AnyAsync(n => n.Pubkey == payee)
            ? null
            : SimnetRouter.Find(payer, payee, amount, await db.Channels.Where(c => c.State == SimChannelState.Open).ToListAsync(), _options);
        if (route is null || route.FeeMsat > feeLimitMsat)
            return await Fail(db, payment, PaymentFailureReason.NoRoute);
        if (target is null || !Accepts(target, amount))
            return await Fail(db, payment, PaymentFailureReason.IncorrectPaymentDetails);

        payment.FeeMsat = route.FeeMsat;
        payment.Route = JsonSerializer.Serialize(route.Hops);
        var channels = await LoadRouteChannels(db, route.Hops);
        foreach (var hop in route.Hops)
            channels[hop.ChannelPoint].Hold(hop.From, hop.AmountMsat);

        await DeliverHtlc(db, target, amount, changes);
        if (target.State == InvoiceState.Settled)
            await ResolveIncomingPayments(db, target, changes);
        await db.SaveChangesAsync();
        return (payment.Status == PaymentStatus.Succeeded ? PayOutcome.Succeeded : PayOutcome.InFlight, payment);
    }

    /// <summary>The HTLC reaches the payee: a normal invoice settles at once, a hold invoice waits ACCEPTED.</summary>
    private async Task DeliverHtlc(SimnetDbContext db, SimInvoice target, long amount, SimnetChanges changes)
    {
        target.AmountPaidMsat = amount;
        if (target.IsHold)
        {
            target.State = InvoiceState.Accepted;
            target.HtlcExpiryHeight = await SimnetChain.TipHeight(db) + target.CltvExpiry;
            changes.Invoices.Add(target);
        }
        else
        {
            MarkSettled(db, target, changes);
        }
    }

    /// <summary>The payee's rules: an open invoice, paid at least its amount and at most twice it (BOLT 4).</summary>
    private static bool Accepts(SimInvoice target, long amount) =>
        target.State == InvoiceState.Open && amount >= target.ValueMsat && (target.ValueMsat == 0 || amount <= 2 * target.ValueMsat);

    /// <summary>After a payee settles or cancels, every in-flight payment to it for that hash resolves the same way.</summary>
    private async Task ResolveIncomingPayments(SimnetDbContext db, SimInvoice invoice, SimnetChanges changes)
    {
        var settled = invoice.State == InvoiceState.Settled;
        var payments = await db.Payments
            .Where(p => p.Destination == invoice.NodePubkey && p.PaymentHash == invoice.PaymentHash && p.Status == PaymentStatus.InFlight)
            .ToListAsync();
        payments.AddRange(db.Tracked<SimPayment>().Where(p => p.Destination == invoice.NodePubkey && p.PaymentHash == invoice.PaymentHash
            && p.Status == PaymentStatus.InFlight && !payments.Contains(p)));
        foreach (var payment in payments)
        {
            var hops = JsonSerializer.Deserialize<List<RouteHop>>(payment.Route) ?? [];
            var channels = await LoadRouteChannels(db, hops);
            foreach (var hop in hops)
                channels[hop.ChannelPoint].Release(hop.From, hop.AmountMsat, settled);
            payment.Status = settled ? PaymentStatus.Succeeded : PaymentStatus.Failed;
            payment.Preimage = settled ? invoice.Preimage : null;
            payment.FailureReason = settled ? PaymentFailureReason.None : PaymentFailureReason.IncorrectPaymentDetails;
            payment.ResolvedAt = Now;
            changes.ResolvedPayments.Add((payment.NodePubkey, payment.PaymentHash));
        }
    }

    private static async Task<Dictionary<string, SimChannel>> LoadRouteChannels(SimnetDbContext db, IReadOnlyList<RouteHop> hops)
    {
        var points = hops.Select(h => h.ChannelPoint).Distinct().ToList();
        return await db.Channels.Where(c => points.Contains(c.ChannelPoint)).ToDictionaryAsync(c => c.ChannelPoint);
    }

    private async Task<(PayOutcome, SimPayment)> Fail(SimnetDbContext db, SimPayment payment, PaymentFailureReason reason)
    {
        payment.Status = PaymentStatus.Failed;
        payment.FailureReason = reason;
        payment.ResolvedAt = Now;
        await db.SaveChangesAsync();
        return (PayOutcome.Failed, payment);
    }

    internal async Task<LightningPayment?> GetPayment(string payer, string paymentHash)
    {
        await using var db = Read();
        var payments = await db.Payments.Where(p => p.NodePubkey == payer && p.PaymentHash == paymentHash.ToLowerInvariant()).ToListAsync();
        // One hash can have failed attempts before a success; report the attempt that matters.
        return payments
            .OrderBy(p => p.Status switch { PaymentStatus.Succeeded => 0, PaymentStatus.InFlight => 1, _ => 2 })
            .ThenByDescending(p => p.Id)
            .FirstOrDefault()?.ToPort();
    }

    private static PayResult Rejected(string error) => new(PayOutcome.Rejected, null, error);
}
