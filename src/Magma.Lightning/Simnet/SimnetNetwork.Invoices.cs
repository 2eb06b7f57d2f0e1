using System.Security.Cryptography;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Crypto;
using Magma.Lightning.Simnet.Data;
using Magma.Lightning.Storage;
using Microsoft.EntityFrameworkCore;

namespace Magma.Lightning.Simnet;

public sealed partial class SimnetNetwork
{
    internal async Task<CreateInvoiceResult> AddInvoice(string node, string paymentHash, string? preimage, long amountMsat, string? memo,
        string? descriptionHash, TimeSpan? expiry, int? cltvExpiry, bool privateRouteHints)
    {
        if (!Hex.IsHex(paymentHash, 32))
            throw new ArgumentException("The payment hash must be 32 bytes of hex.", nameof(paymentHash));
        if (amountMsat < 0)
            throw new ArgumentOutOfRangeException(nameof(amountMsat), "An invoice amount cannot be negative.");
        if (descriptionHash is not null && !Hex.IsHex(descriptionHash, 32))
            throw new ArgumentException("The description hash must be 32 bytes of hex.", nameof(descriptionHash));

        var now = _time.GetUtcNow();
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var expirySeconds = (long)(expiry ?? _options.DefaultInvoiceExpiry).TotalSeconds;
        if (expirySeconds <= 0)
            throw new ArgumentOutOfRangeException(nameof(expiry), "An invoice expiry must be positive.");
        var cltv = cltvExpiry ?? _options.DefaultCltvExpiry;
        var routeHints = privateRouteHints ? await PrivateRouteHints(node) : [];

        // Signing is CPU work; it happens before the unit so the shared writer only does database work.
        var paymentRequest = Bolt11Encoder.Encode(new Bolt11InvoiceDraft
        {
            Network = Network,
            AmountMsat = amountMsat == 0 ? null : amountMsat,
            Timestamp = timestamp,
            PaymentHash = paymentHash,
            PaymentSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            Description = descriptionHash is null ? memo ?? "" : null,
            DescriptionHash = descriptionHash,
            ExpirySeconds = expirySeconds,
            MinFinalCltvExpiry = cltv,
            RouteHints = routeHints,
            Features = LndInvoiceFeatures,
        }, await KeyOf(node));

        var created = await Write(async db =>
        {
            if (await db.ExistsAsync("SELECT 1 FROM sim_invoices WHERE node_pubkey = $p0 AND payment_hash = $p1", node, paymentHash))
                return null;
            var addIndex = (await db.QueryAsync("SELECT MAX(add_index) FROM sim_invoices WHERE node_pubkey = $p0",
                r => r.IsDBNull(0) ? 0 : r.GetInt64(0), node)).Single() + 1;
            var invoice = new SimInvoice
            {
                NodePubkey = node, PaymentHash = paymentHash, PaymentRequest = paymentRequest, Preimage = preimage,
                IsHold = preimage is null, ValueMsat = amountMsat, State = InvoiceState.Open, Memo = memo,
                DescriptionHash = descriptionHash, CltvExpiry = cltv, AddIndex = addIndex,
                CreatedAt = timestamp.UtcDateTime, ExpiresAt = timestamp.UtcDateTime.AddSeconds(expirySeconds),
            };
            db.Insert(invoice);
            await db.SaveChangesAsync();
            return invoice;
        });
        if (created is null)
            return CreateInvoiceResult.Duplicate;
        Events.Publish(new SimInvoiceUpdated(node, created.ToPort()));
        return new CreateInvoiceResult(CreateInvoiceOutcome.Created, new CreatedInvoice(paymentHash, paymentRequest, created.AddIndex));
    }

    internal async Task<LightningInvoice?> LookupInvoice(string node, string paymentHash)
    {
        await using var db = Read();
        var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.NodePubkey == node && i.PaymentHash == paymentHash.ToLowerInvariant());
        return invoice?.ToPort();
    }

    internal async Task<SettleInvoiceResult> SettleHoldInvoice(string node, string preimage)
    {
        if (!Hex.TryDecode(preimage, out var preimageBytes) || preimageBytes.Length != 32)
            throw new ArgumentException("The preimage must be 32 bytes of hex.", nameof(preimage));
        var hash = Convert.ToHexStringLower(SHA256.HashData(preimageBytes));
        var changes = new SimnetChanges();
        var result = await Write(async db =>
        {
            var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.NodePubkey == node && i.PaymentHash == hash);
            switch (invoice?.State)
            {
                case null: return SettleInvoiceResult.NotFound;
                case InvoiceState.Open: return SettleInvoiceResult.StillOpen;
                case InvoiceState.Canceled: return SettleInvoiceResult.AlreadyCanceled;
                case InvoiceState.Settled: return SettleInvoiceResult.Settled;
            }
            invoice.Preimage = preimage.ToLowerInvariant();
            MarkSettled(db, invoice, changes);
            await ResolveIncomingPayments(db, invoice, changes);
            await db.SaveChangesAsync();
            return SettleInvoiceResult.Settled;
        });
        Publish(changes);
        return result;
    }

    internal async Task<CancelInvoiceResult> CancelInvoice(string node, string paymentHash)
    {
        var hash = paymentHash.ToLowerInvariant();
        var changes = new SimnetChanges();
        var result = await Write(async db =>
        {
            var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.NodePubkey == node && i.PaymentHash == hash);
            if (invoice is null)
                return CancelInvoiceResult.NotFound;
            if (invoice.State == InvoiceState.Settled)
                return CancelInvoiceResult.AlreadySettled;
            if (invoice.State != InvoiceState.Canceled)
            {
                MarkCanceled(invoice, changes);
                await ResolveIncomingPayments(db, invoice, changes);
                await db.SaveChangesAsync();
            }
            return CancelInvoiceResult.Canceled;
        });
        Publish(changes);
        return result;
    }

    /// <summary>LND cancels OPEN invoices once they expire; Simnet's sweep does the same.</summary>
    public async Task<int> CancelExpiredInvoices()
    {
        var now = Now;
        var changes = new SimnetChanges();
        var count = await Write(async db =>
        {
            var expired = await db.Invoices.Where(i => i.State == InvoiceState.Open && i.ExpiresAt <= now).ToListAsync();
            foreach (var invoice in expired)
                MarkCanceled(invoice, changes);
            await db.SaveChangesAsync();
            return expired.Count;
        });
        Publish(changes);
        return count;
    }

    private void MarkSettled(SimnetDbContext db, SimInvoice invoice, SimnetChanges changes)
    {
        invoice.State = InvoiceState.Settled;
        invoice.SettledAt = Now;
        invoice.SettleIndex = NextSettleIndex(db, invoice.NodePubkey);
        changes.Invoices.Add(invoice);
    }

    private static void MarkCanceled(SimInvoice invoice, SimnetChanges changes)
    {
        invoice.State = InvoiceState.Canceled;
        changes.Invoices.Add(invoice);
    }

    /// <summary>
    /// Counts settlements still unsaved in this unit too, so two settles in one unit get distinct indexes. The
    /// literal "> 0" lets SQLite read the partial index that only settled invoices enter, from its end.
    /// </summary>
    private static long NextSettleIndex(SimnetDbContext db, string node) =>
        Math.Max(
            LastSettleIndex(db, node).FirstOrDefault(),
            db.Tracked<SimInvoice>().Where(i => i.NodePubkey == node).Max(i => (long?)i.SettleIndex) ?? 0) + 1;

    internal static IQueryable<long> LastSettleIndex(SimnetDbContext db, string node) =>
        db.Invoices.Where(i => i.NodePubkey == node && i.SettleIndex > 0).OrderByDescending(i => i.SettleIndex).Select(i => i.SettleIndex).Take(1);

    private async Task<IReadOnlyList<IReadOnlyList<RouteHintHop>>> PrivateRouteHints(string node)
    {
        await using var db = Read();
        var channels = await db.Channels
            .Where(c => c.Private && c.State == SimChannelState.Open && (c.OpenerPubkey == node || c.PeerPubkey == node))
            .ToListAsync();
        return channels.Select(c =>
        {
            var remote = c.RemoteOf(node);
            var (baseFee, ppm) = c.OpenerPubkey == remote ? (c.OpenerBaseFeeMsat, c.OpenerFeeRatePpm) : (c.PeerBaseFeeMsat, c.PeerFeeRatePpm);
            IReadOnlyList<RouteHintHop> hint = [new RouteHintHop(PublicKey.ParseHex(remote), (ulong)c.ChannelId!.Value, (uint)baseFee, (uint)ppm, (ushort)_options.TimeLockDelta)];
            return hint;
        }).ToList();
    }

    /// <summary>The feature bits an LND invoice carries: var_onion_optin, payment_secret (required), basic_mpp.</summary>
    private static readonly Bolt11Features LndInvoiceFeatures = new([8, 14, 17]);
}
