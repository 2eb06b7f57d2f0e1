using System.Security.Cryptography;
using Magma.Lightning;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Magma.Payments.Transactions;
using Magma.Payments.Wallets;

namespace Magma.Payments.Tests.Transactions;

public sealed class HoldInvoiceTests : PaymentsHarness
{
    private HoldInvoiceService Holds => Get<HoldInvoiceService>();

    private static (string Preimage, string Hash) NewSecret()
    {
        var preimage = RandomNumberGenerator.GetBytes(32);
        return (Convert.ToHexStringLower(preimage), Convert.ToHexStringLower(SHA256.HashData(preimage)));
    }

    private InvoiceRequest Request(string hash) => new(SandboxWallet.Id, 40_000, "escrow", TimeSpan.FromHours(1), HoldPaymentHash: hash, CltvExpiry: 144);

    [Fact]
    public async Task AHeldPaymentCompletesWhenThePreimageIsReleased()
    {
        await StartListening();
        var (preimage, hash) = NewSecret();
        var before = await Get<WalletService>().Balance(SandboxWallet.Id);
        var hold = await Holds.Create(Admin, Request(hash));

        await Simnet.PayFromExternal(hold.PaymentRequest!);
        await Eventually(async () => (await Reload(hold.Id)).HeldAt is not null);
        Assert.Equal(TransactionStatus.Pending, (await Reload(hold.Id)).Status);

        var settled = await Holds.Settle(Admin, preimage);

        Assert.Equal(TransactionStatus.Completed, settled.Status);
        Assert.Equal(before.Balance + 40_000, (await Get<WalletService>().Balance(SandboxWallet.Id)).Balance);
        Assert.Contains(await Get<TransactionQueries>().Events(hold.Id), e => e.EventType == PaymentEventTypes.Held);
    }

    [Fact]
    public async Task SettlingBeforePaymentFailsAndCancellingFailsTheReceive()
    {
        var (preimage, hash) = NewSecret();
        var hold = await Holds.Create(Admin, Request(hash));

        var early = await Assert.ThrowsAsync<MagmaException>(() => Holds.Settle(Admin, preimage));
        await Simnet.PayFromExternal(hold.PaymentRequest!);
        var cancelled = await Holds.Cancel(Admin, hash);

        Assert.Equal(PaymentErrors.HoldInvoiceNotAccepted, early.Error);
        Assert.Equal(TransactionStatus.Failed, cancelled.Status);
        Assert.Equal(InvoiceState.Canceled, (await House.LookupInvoice(hash))!.State);
        var wrong = await Assert.ThrowsAsync<MagmaException>(() => Holds.Settle(Admin, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))));
        Assert.Equal(PaymentErrors.HoldInvoiceNotFound, wrong.Error);
    }

    [Fact]
    public async Task AHashCanBackOnlyOneHoldInvoice()
    {
        var (_, hash) = NewSecret();
        await Holds.Create(Admin, Request(hash));

        var error = await Assert.ThrowsAsync<MagmaException>(() => Holds.Create(Admin, Request(hash)));

        Assert.Equal(PaymentErrors.DuplicatePaymentHash, error.Error);
    }
}
