using Magma.Lightning;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Magma.Payments.Transactions;

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

    [Fact]
    public async Task AnInvoiceForTheWrongAmountIsRefused()
    {
        var alice = await Simnet.CreateNode("alice");
        await using var server = await LnurlServer.Start(alice, wrongAmount: true);

        var error = await Assert.ThrowsAsync<MagmaException>(() => Get<SendService>().CreateSend(Admin,
            new SendInput(SandboxWallet.Id, null, new SendByAddress($"alice@{server.Domain}", "1000"), null, null)));

        Assert.Equal("The LNURL callback returned an invoice for a different amount.", error.Message);
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
}
