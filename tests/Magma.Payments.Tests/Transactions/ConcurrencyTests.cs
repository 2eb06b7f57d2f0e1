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
