using System.Security.Cryptography;
using Magma.Lightning;
using Magma.Lightning.Storage;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Magma.Payments.Transactions;
using Magma.Payments.Wallets;
using Microsoft.EntityFrameworkCore;

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

    [Fact]
    public async Task WritesThatFailInTheInvoicesUnitUndoItsTransactionAndCancelTheNodesInvoice()
    {
        var (_, hash) = NewSecret();
        var (_, joined) = NewSecret();

        var failure = await Assert.ThrowsAsync<MagmaException>(() => Holds.Create<PaymentsDbContext>(Admin, Request(hash),
            (_, _) => throw new MagmaException(PaymentErrors.InvalidId, "The caller's own write failed.")));
        var recorded = await Holds.Create<PaymentsDbContext>(Admin, Request(joined), (db, hold) =>
        {
            db.Insert(new TransactionEvent { TransactionId = hold.Id, EventType = "test.joined", Message = "written with it", CreatedAt = hold.CreatedAt });
            return Task.CompletedTask;
        });

        Assert.Equal("The caller's own write failed.", failure.Message);
        Assert.Equal(InvoiceState.Canceled, (await House.LookupInvoice(hash))!.State);
        await using (var db = Database.Read<PaymentsDbContext>())
            Assert.False(await db.Transactions.AnyAsync(t => t.PaymentHash == hash));
        Assert.Contains(await Get<TransactionQueries>().Events(recorded.Id), e => e.EventType == "test.joined");
        Assert.Equal(InvoiceState.Open, (await House.LookupInvoice(joined))!.State);
    }
}
