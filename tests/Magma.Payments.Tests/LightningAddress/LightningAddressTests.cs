using Magma.Lightning;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Magma.Payments.Environments;
using Magma.Payments.Transactions;
using Magma.Payments.Wallets;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Tests.LightningAddress;

public sealed class LightningAddressTests : PaymentsHarness
{
    [Fact]
    public async Task ALightningAddressIsResolvedThroughLnurlPayAndPaid()
    {
        var alice = await Simnet.CreateNode("alice");
        await using var server = await LnurlServer.Start(alice);

        var tx = await Get<SendService>().CreateSend(Admin, new SendInput(SandboxWallet.Id, null, new SendByAddress($"alice@{server.Domain}", "50000"), "tip-2026-06-01-alice", null));

        Assert.Equal(TransactionStatus.Completed, tx.Status);
        Assert.Equal(50_000_000, tx.AmountMsat);
        Assert.Equal($"alice@{server.Domain}", tx.LightningAddress);
        Assert.Equal(LnurlServer.MetadataHash, tx.DescriptionHash);
        Assert.Equal(InvoiceState.Settled, (await alice.LookupInvoice(tx.PaymentHash!))!.State);
    }

    [Fact]
    public async Task AnAmountOutsideTheServersBoundsIsRefused()
    {
        var alice = await Simnet.CreateNode("alice");
        await using var server = await LnurlServer.Start(alice, minSendable: 10_000_000);

        var error = await Assert.ThrowsAsync<MagmaException>(() => Get<SendService>().CreateSend(Admin,
            new SendInput(SandboxWallet.Id, null, new SendByAddress($"alice@{server.Domain}", "1000"), null, null)));

        Assert.Equal(PaymentErrors.LightningAddressFailed, error.Error);
        Assert.Contains("between 10000 and", error.Message);
    }

    [Theory]
    [InlineData(LnurlInvoiceFault.WrongAmount, "The LNURL callback returned an invoice for 1001000 msat instead of the 1000000 msat requested.")]
    [InlineData(LnurlInvoiceFault.NoDescriptionHash, "The LNURL callback returned an invoice without a description hash (h); LUD-06 requires one committing to the LNURL metadata.")]
    [InlineData(LnurlInvoiceFault.WrongDescriptionHash, "The LNURL callback returned an invoice whose description hash is not SHA-256 of the LNURL metadata.")]
    public async Task AnInvoiceThatDoesNotMatchWhatWasAskedForIsRefused(LnurlInvoiceFault fault, string message)
    {
        var error = await SendThrough(fault, "1000");

        Assert.Equal(PaymentErrors.LightningAddressFailed, error.Error);
        Assert.Equal(message, error.Message);
        Assert.Equal("address.lightning_address", error.Property);
    }

    [Fact]
    public async Task ARefusedInvoiceReservesNothingAndPaysNothing()
    {
        var alice = await Simnet.CreateNode("alice");
        await using var server = await LnurlServer.Start(alice, fault: LnurlInvoiceFault.NoDescriptionHash);
        var before = (await Get<WalletService>().Balance(SandboxWallet.Id)).Balance;

        await Assert.ThrowsAsync<MagmaException>(() => Get<SendService>().CreateSend(Admin,
            new SendInput(SandboxWallet.Id, null, new SendByAddress($"alice@{server.Domain}", "1000"), "tip-refused", null)));

        Assert.Equal(before, (await Get<WalletService>().Balance(SandboxWallet.Id)).Balance);
        await using var db = Database.Read<PaymentsDbContext>();
        Assert.False(await db.Transactions.AnyAsync(t => t.WalletId == SandboxWallet.Id && t.Direction == TransactionDirection.Send));
    }

    [Fact]
    public async Task ALiveWalletRefusesAnLnurlInvoiceForAnotherNetworkAsALightningAddressFailure()
    {
        // Simnet issues regtest invoices; a LIVE wallet pays mainnet only, as it does for a BOLT11 given directly.
        var live = await Get<EnvironmentService>().Create(Admin, "Production", EnvironmentType.Live);
        var wallet = await NewWallet(live, depositMsat: 10_000_000);
        var alice = await Simnet.CreateNode("alice");
        await using var server = await LnurlServer.Start(alice);

        var error = await Assert.ThrowsAsync<MagmaException>(() => Get<SendService>().CreateSend(Admin,
            new SendInput(wallet.Id, null, new SendByAddress($"alice@{server.Domain}", "1000"), null, null)));

        Assert.Equal(PaymentErrors.LightningAddressFailed, error.Error);
        Assert.Equal("The LNURL callback returned an invoice for network regtest, which is not allowed for this wallet.", error.Message);
        Assert.Equal("address.lightning_address", error.Property);
    }

    [Fact]
    public async Task AnUnknownUserIsReported()
    {
        var alice = await Simnet.CreateNode("alice");
        await using var server = await LnurlServer.Start(alice);

        var error = await Assert.ThrowsAsync<MagmaException>(() => Get<SendService>().CreateSend(Admin,
            new SendInput(SandboxWallet.Id, null, new SendByAddress($"bob@{server.Domain}", "1000"), null, null)));

        Assert.Contains("unknown user", error.Message);
    }

    private async Task<MagmaException> SendThrough(LnurlInvoiceFault fault, string sats)
    {
        var alice = await Simnet.CreateNode("alice");
        await using var server = await LnurlServer.Start(alice, fault: fault);
        return await Assert.ThrowsAsync<MagmaException>(() => Get<SendService>().CreateSend(Admin,
            new SendInput(SandboxWallet.Id, null, new SendByAddress($"alice@{server.Domain}", sats), null, null)));
    }
}
