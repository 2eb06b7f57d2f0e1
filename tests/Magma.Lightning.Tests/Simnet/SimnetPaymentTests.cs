using System.Security.Cryptography;

namespace Magma.Lightning.Tests.Simnet;

public sealed class SimnetPaymentTests : SimnetTestBase
{
    [Fact]
    public async Task ANodePaysAnotherNodesInvoiceAndLearnsThePreimage()
    {
        var alice = await NewNode("alice");
        var bob = await NewNode("bob");
        var invoice = await bob.CreateInvoice(new CreateInvoiceParams(21_000));

        var result = await alice.Pay(PayParams(invoice.PaymentRequest));

        Assert.Equal(PayOutcome.Succeeded, result.Outcome);
        Assert.Equal(invoice.PaymentHash, Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(result.Payment!.Preimage!))));
        Assert.Equal(InvoiceState.Settled, (await bob.LookupInvoice(invoice.PaymentHash))!.State);
        Assert.Equal(PaymentStatus.Succeeded, (await alice.GetPayment(invoice.PaymentHash))!.Status);
    }

    [Fact]
    public async Task PayingTheSameInvoiceTwiceReportsAlreadyPaid()
    {
        var alice = await NewNode("alice");
        var bob = await NewNode("bob");
        var invoice = await bob.CreateInvoice(new CreateInvoiceParams(1_000));
        await alice.Pay(PayParams(invoice.PaymentRequest));

        var again = await alice.Pay(PayParams(invoice.PaymentRequest));

        Assert.Equal(PayOutcome.AlreadyPaid, again.Outcome);
    }

    [Fact]
    public async Task PaymentsFollowLndsRefusals()
    {
        var alice = await NewNode("alice");
        var own = await alice.CreateInvoice(new CreateInvoiceParams(1_000));
        var amountless = await House.CreateInvoice(new CreateInvoiceParams(0));
        var expiring = await House.CreateInvoice(new CreateInvoiceParams(1_000, Expiry: TimeSpan.FromSeconds(30)));
        Clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal("self-payments not allowed", (await alice.Pay(PayParams(own.PaymentRequest))).Error);
        Assert.Equal("amount must be specified when paying a zero amount invoice", (await alice.Pay(PayParams(amountless.PaymentRequest))).Error);
        Assert.StartsWith("invoice expired", (await alice.Pay(PayParams(expiring.PaymentRequest))).Error);
        Assert.Equal("invoice not for current active network 'regtest'", (await alice.Pay(PayParams(Bolt11.Bolt11SpecVectors.Coffee))).Error);
    }

    [Fact]
    public async Task AnInvoiceOfAnUnknownNodeHasNoRoute()
    {
        var alice = await NewNode("alice");
        var stranger = Lightning.Crypto.PrivateKey.Generate();
        var request = Magma.Lightning.Bolt11.Bolt11Encoder.Encode(new Magma.Lightning.Bolt11.Bolt11InvoiceDraft
        {
            Network = Network.Network, AmountMsat = 5_000, Timestamp = Clock.GetUtcNow(),
            PaymentHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            PaymentSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), Description = "x",
        }, stranger);

        var result = await alice.Pay(PayParams(request));

        Assert.Equal(PayOutcome.Failed, result.Outcome);
        Assert.Equal(PaymentFailureReason.NoRoute, result.Payment!.FailureReason);
    }

    [Fact]
    public async Task PayingAHoldInvoiceStaysInFlightUntilTheHolderSettles()
    {
        var payer = await NewNode("payer");
        var preimage = RandomNumberGenerator.GetBytes(32);
        var hash = Convert.ToHexStringLower(SHA256.HashData(preimage));
        var hold = await House.CreateHoldInvoice(new CreateHoldInvoiceParams(hash, 30_000));

        var first = await payer.Pay(PayParams(hold.Invoice!.PaymentRequest, TimeSpan.Zero));
        Assert.Equal(PayOutcome.InFlight, first.Outcome);
        Assert.Equal(InvoiceState.Accepted, (await House.LookupInvoice(hash))!.State);

        await House.SettleInvoice(Convert.ToHexStringLower(preimage));

        var payment = await payer.GetPayment(hash);
        Assert.Equal(PaymentStatus.Succeeded, payment!.Status);
        Assert.Equal(Convert.ToHexStringLower(preimage), payment.Preimage);
    }

    [Fact]
    public async Task SameHashEscrowSettlesBothLegsAtomically()
    {
        // The buyer pays the engine's hold invoice; the engine pays the seller's invoice with the same hash,
        // learns the preimage from it, and only then settles the buyer's HTLC.
        var seller = await NewNode("seller");
        var sellerInvoice = await seller.CreateInvoice(new CreateInvoiceParams(100_000));
        var hold = await House.CreateHoldInvoice(new CreateHoldInvoiceParams(sellerInvoice.PaymentHash, 105_000));
        await Network.PayFromExternal(hold.Invoice!.PaymentRequest);

        var payout = await House.Pay(PayParams(sellerInvoice.PaymentRequest));
        var settled = await House.SettleInvoice(payout.Payment!.Preimage!);

        Assert.Equal(PayOutcome.Succeeded, payout.Outcome);
        Assert.Equal(SettleInvoiceResult.Settled, settled);
        Assert.Equal(InvoiceState.Settled, (await seller.LookupInvoice(sellerInvoice.PaymentHash))!.State);
        Assert.Equal(InvoiceState.Settled, (await House.LookupInvoice(sellerInvoice.PaymentHash))!.State);
    }

    [Fact]
    public async Task AHeldHtlcIsFailedBackWhenItsExpiryHeightIsReached()
    {
        var payer = await NewNode("payer");
        var hash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var hold = await House.CreateHoldInvoice(new CreateHoldInvoiceParams(hash, 30_000, CltvExpiry: 10));
        await payer.Pay(PayParams(hold.Invoice!.PaymentRequest, TimeSpan.Zero));

        await Network.Mine(9);
        Assert.Equal(InvoiceState.Accepted, (await House.LookupInvoice(hash))!.State);
        await Network.Mine(1);

        Assert.Equal(InvoiceState.Canceled, (await House.LookupInvoice(hash))!.State);
        Assert.Equal(PaymentStatus.Failed, (await payer.GetPayment(hash))!.Status);
    }

    [Fact]
    public async Task APaymentOverAChannelMovesItsBalances()
    {
        var alice = await NewNode("alice");
        var bob = await NewNode("bob");
        await alice.ConnectPeer(new NodeUri(bob.Pubkey, "127.0.0.1", 9735));
        await alice.OpenChannel(new OpenChannelParams(bob.Pubkey, 200_000));
        await Network.Mine(3);
        var invoice = await bob.CreateInvoice(new CreateInvoiceParams(50_000_000));

        var result = await alice.Pay(PayParams(invoice.PaymentRequest));

        Assert.Equal(PayOutcome.Succeeded, result.Outcome);
        Assert.Equal(0, result.Payment!.FeeMsat); // direct channel: no forwarding fee
        var channel = Assert.Single(await alice.ListChannels());
        Assert.Equal(150_000, channel.LocalBalanceSat);
        Assert.Equal(50_000, channel.RemoteBalanceSat);
    }
}
