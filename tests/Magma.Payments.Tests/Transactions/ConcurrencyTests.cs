using Magma.Lightning;
using Magma.Lightning.Bitcoin;
using Magma.Lightning.Storage;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Magma.Payments.Transactions;
using Magma.Payments.Wallets;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Tests.Transactions;

public sealed class ConcurrencyTests : PaymentsHarness
{
    [Fact]
    public async Task FiftyConcurrentReceivesWithOneKeyMakeExactlyOneTransaction()
    {
        var attempts = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await Get<ReceiveService>().CreateReceive(Admin, new ReceiveInput(SandboxWallet.Id, "1000", null, null, "same-key", null))).Id;
            }
            catch (MagmaException ex) when (ex.Error == PaymentErrors.IdempotencyInProgress)
            {
                Assert.Equal("A request with this idempotency_key is already in progress", ex.Message);
                return null;
            }
        })).ToList();
        var ids = (await Task.WhenAll(attempts)).Where(id => id is not null).Distinct().ToList();

        await using var db = Database.Read<PaymentsDbContext>();
        Assert.Equal(1, await db.Transactions.CountAsync(t => t.IdempotencyKey == "same-key"));
        Assert.Single(ids);
    }

    [Fact]
    public async Task AKeyWhoseFirstRequestIsStillWorkingIsRefusedAsInProgressAndReplaysOnceItIsDone()
    {
        // The state a concurrent winner leaves while its node call runs: the key claimed, no invoice yet.
        var now = Clock.GetUtcNow().UtcDateTime;
        var inFlight = new PaymentTransaction
        {
            Id = Guid.NewGuid().ToString(), EnvironmentId = Sandbox.Id, WalletId = SandboxWallet.Id, Direction = TransactionDirection.Receive,
            Status = TransactionStatus.Pending, Stage = TransactionStage.Reserved, AssetId = SandboxWallet.AssetId, Amount = 1000, AmountMsat = 1_000_000,
            IdempotencyKey = "order-42-attempt-1", CreatedAt = now, UpdatedAt = now,
        };
        await Database.Write<PaymentsDbContext>(async db =>
        {
            db.Transactions.Add(inFlight);
            await db.SaveChangesAsync();
        });
        var input = new ReceiveInput(SandboxWallet.Id, "1000", null, null, "order-42-attempt-1", null);

        var busy = await Assert.ThrowsAsync<MagmaException>(() => Get<ReceiveService>().CreateReceive(Admin, input));
        await Database.Write<PaymentsDbContext>(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE transactions SET stage = 'Open' WHERE id = {inFlight.Id}"));
        var replay = await Get<ReceiveService>().CreateReceive(Admin, input);

        Assert.Equal(PaymentErrors.IdempotencyInProgress, busy.Error);
        Assert.Equal("A request with this idempotency_key is already in progress", busy.Message);
        Assert.Equal(inFlight.Id, replay.Id);
    }

    [Fact]
    public async Task ConcurrentSendsWithOneKeyPayAndReserveOnce()
    {
        var wallet = await NewWallet(Sandbox, depositMsat: 1_000_000);
        var invoice = InvoiceFactory.Foreign(BitcoinNetwork.Mainnet, 10_000, Clock.GetUtcNow());
        var input = new SendInput(wallet.Id, new SendByRequest(invoice), null, "payout-42", "{\"amb_sandbox_behavior\":\"complete\"}");

        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () => (await Get<SendService>().CreateSend(Admin, input)).Id)));
        Clock.Advance(TimeSpan.FromSeconds(2));
        await Get<TransactionReconciler>().Sweep();

        Assert.Single(ids.Distinct());
        await using var db = Database.Read<PaymentsDbContext>();
        Assert.Equal(1, await db.Transactions.CountAsync(t => t.WalletId == wallet.Id && t.IdempotencyKey == "payout-42"));
        Assert.Equal(1_000_000 - 10_000, (await Get<WalletService>().Balance(wallet.Id)).Balance);
    }

    [Fact]
    public async Task ConcurrentSendsThatOverspendLeaveTheBalanceNonNegativeAndExact()
    {
        // 100 sends of 10,000 msat (+2,000 fee reserve each) against 600,000 msat: at most 50 can be reserved.
        var wallet = await NewWallet(Sandbox, depositMsat: 600_000);
        var invoices = Enumerable.Range(0, 100).Select(_ => InvoiceFactory.Foreign(BitcoinNetwork.Mainnet, 10_000, Clock.GetUtcNow())).ToList();

        var outcomes = await Task.WhenAll(invoices.Select(invoice => Task.Run(async () =>
        {
            try
            {
                await Get<SendService>().CreateSend(Admin, new SendInput(wallet.Id, new SendByRequest(invoice), null, null, "{\"amb_sandbox_behavior\":\"complete\"}"));
                return true;
            }
            catch (MagmaException ex) when (ex.Error == PaymentErrors.InsufficientBalance)
            {
                return false;
            }
        })));
        Clock.Advance(TimeSpan.FromSeconds(2));
        await Get<TransactionReconciler>().Sweep();

        var accepted = outcomes.Count(ok => ok);
        Assert.Equal(50, accepted);
        var balance = await Get<WalletService>().Balance(wallet.Id);
        Assert.Equal(600_000 - accepted * 10_000, balance.Balance);
        Assert.True(balance.Balance >= 0);
        await using var db = Database.Read<PaymentsDbContext>();
        Assert.Equal(balance.Balance, await db.LedgerEntries.Where(e => e.WalletId == wallet.Id).SumAsync(e => e.Amount));
    }
}
