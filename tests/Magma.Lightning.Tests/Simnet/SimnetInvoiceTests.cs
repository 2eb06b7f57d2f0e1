using System.Security.Cryptography;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Simnet;

namespace Magma.Lightning.Tests.Simnet;

public sealed class SimnetInvoiceTests : SimnetTestBase
{
    [Fact]
    public async Task InvoicesAreSignedByTheNodesKey()
    {
        var seller = await NewNode("seller");

        var created = await seller.CreateInvoice(new CreateInvoiceParams(250_000, "coffee", Expiry: TimeSpan.FromMinutes(10)));

        var decoded = Bolt11Decoder.Decode(created.PaymentRequest, Network.Network);
        Assert.True(decoded.Success, decoded.Error?.Message);
        Assert.Equal(seller.Pubkey, decoded.Invoice.Payee);
        Assert.Equal(250_000, decoded.Invoice.AmountMsat);
        Assert.Equal("coffee", decoded.Invoice.Description);
        Assert.Equal(600, decoded.Invoice.ExpirySeconds);
        Assert.StartsWith("lnbcrt", created.PaymentRequest);
        Assert.Equal(created.PaymentHash, decoded.Invoice.PaymentHash);
    }

    [Fact]
    public async Task AnExternalPaymentSettlesANormalInvoiceAndRecordsThePreimage()
    {
        var seller = await NewNode("seller");
        var created = await seller.CreateInvoice(new CreateInvoiceParams(10_000));

        var paid = await Network.PayFromExternal(created.PaymentRequest);

        Assert.Equal(ExternalPaymentOutcome.Settled, paid.Outcome);
        var invoice = await seller.LookupInvoice(created.PaymentHash);
        Assert.Equal(InvoiceState.Settled, invoice!.State);
        Assert.Equal(10_000, invoice.AmountPaidMsat);
        Assert.Equal(created.PaymentHash, Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(invoice.Preimage!))));
        Assert.Equal(1, invoice.SettleIndex);
    }

    [Fact]
    public async Task AHoldInvoiceIsAcceptedThenSettledWithItsPreimage()
    {
        var preimage = RandomNumberGenerator.GetBytes(32);
        var hash = Convert.ToHexStringLower(SHA256.HashData(preimage));
        var created = await House.CreateHoldInvoice(new CreateHoldInvoiceParams(hash, 50_000, CltvExpiry: 144));
        Assert.Equal(CreateInvoiceOutcome.Created, created.Outcome);

        Assert.Equal(SettleInvoiceResult.StillOpen, await House.SettleInvoice(Convert.ToHexStringLower(preimage)));
        var paid = await Network.PayFromExternal(created.Invoice!.PaymentRequest);
        Assert.Equal(ExternalPaymentOutcome.Accepted, paid.Outcome);
        var held = await House.LookupInvoice(hash);
        Assert.Equal(InvoiceState.Accepted, held!.State);
        Assert.Null(held.Preimage);
        Assert.Equal(await Network.Height() + 144, held.HtlcExpiryHeight);

        Assert.Equal(SettleInvoiceResult.Settled, await House.SettleInvoice(Convert.ToHexStringLower(preimage)));
        Assert.Equal(SettleInvoiceResult.Settled, await House.SettleInvoice(Convert.ToHexStringLower(preimage)));
        Assert.Equal(CancelInvoiceResult.AlreadySettled, await House.CancelInvoice(hash));
        Assert.Equal(InvoiceState.Settled, (await House.LookupInvoice(hash))!.State);
    }

    [Fact]
    public async Task CancellingIsIdempotentAndBlocksSettlement()
    {
        var preimage = RandomNumberGenerator.GetBytes(32);
        var hash = Convert.ToHexStringLower(SHA256.HashData(preimage));
        var created = await House.CreateHoldInvoice(new CreateHoldInvoiceParams(hash, 50_000));
        await Network.PayFromExternal(created.Invoice!.PaymentRequest);

        Assert.Equal(CancelInvoiceResult.Canceled, await House.CancelInvoice(hash));
        Assert.Equal(CancelInvoiceResult.Canceled, await House.CancelInvoice(hash));
        Assert.Equal(SettleInvoiceResult.AlreadyCanceled, await House.SettleInvoice(Convert.ToHexStringLower(preimage)));
        Assert.Equal(CancelInvoiceResult.NotFound, await House.CancelInvoice(new string('0', 64)));
    }

    [Fact]
    public async Task AHoldInvoiceHashCanBeUsedOnlyOncePerNode()
    {
        var hash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var seller = await NewNode("seller");

        Assert.Equal(CreateInvoiceOutcome.Created, (await House.CreateHoldInvoice(new CreateHoldInvoiceParams(hash, 1_000))).Outcome);
        Assert.Equal(CreateInvoiceOutcome.DuplicatePaymentHash, (await House.CreateHoldInvoice(new CreateHoldInvoiceParams(hash, 1_000))).Outcome);
        // Same-hash escrow: another node may hold an invoice with the same hash.
        Assert.Equal(CreateInvoiceOutcome.Created, (await seller.CreateHoldInvoice(new CreateHoldInvoiceParams(hash, 900))).Outcome);
    }

    [Fact]
    public async Task OpenInvoicesPastTheirExpiryAreCancelled()
    {
        var created = await House.CreateInvoice(new CreateInvoiceParams(1_000, Expiry: TimeSpan.FromMinutes(1)));

        Assert.Equal(0, await Network.CancelExpiredInvoices());
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Network.CancelExpiredInvoices());

        Assert.Equal(InvoiceState.Canceled, (await House.LookupInvoice(created.PaymentHash))!.State);
        Assert.Equal(ExternalPaymentOutcome.Rejected, (await Network.PayFromExternal(created.PaymentRequest)).Outcome);
    }

    [Fact]
    public async Task SubscribersSeeEveryStateIncludingAccepted()
    {
        var hash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var updates = House.SubscribeInvoices(cts.Token).GetAsyncEnumerator(cts.Token);
        // The first MoveNext registers the subscription before it waits.
        var next = updates.MoveNextAsync();

        var created = await House.CreateHoldInvoice(new CreateHoldInvoiceParams(hash, 5_000));
        await Network.PayFromExternal(created.Invoice!.PaymentRequest);
        await House.CancelInvoice(hash);

        var states = new List<InvoiceState>();
        while (await next)
        {
            states.Add(updates.Current.State);
            if (states.Count == 3)
                break;
            next = updates.MoveNextAsync();
        }
        Assert.Equal([InvoiceState.Open, InvoiceState.Accepted, InvoiceState.Canceled], states);
    }
}
