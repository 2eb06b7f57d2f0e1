using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Transactions;
using Magma.Payments.Wallets;

namespace Magma.Payments.Tests.Transactions;

public sealed class ReceiveLifecycleTests : PaymentsHarness
{
    private ReceiveService Receive => Get<ReceiveService>();

    [Fact]
    public async Task APaidInvoiceCompletesFromTheNodeEventAndCreditsTheWallet()
    {
        await StartListening();
        var before = await Get<WalletService>().Balance(SandboxWallet.Id);
        var tx = await Receive.CreateReceive(Admin, new ReceiveInput(SandboxWallet.Id, "2500", "Order #42", 3600, null, null));
        Assert.Equal(TransactionStatus.Pending, tx.Status);

        await Simnet.PayFromExternal(tx.PaymentRequest!);
        await Eventually(async () => (await Reload(tx.Id)).Status == TransactionStatus.Completed);

        var done = await Reload(tx.Id);
        Assert.Equal(2_500_000, done.SettleAmount);
        Assert.NotNull(done.SettledAt);
        var after = await Get<WalletService>().Balance(SandboxWallet.Id);
        Assert.Equal(before.Balance + 2_500_000, after.Balance);
        Assert.Equal(before.Received + 2_500_000, after.Received);
        var events = await Get<TransactionQueries>().Events(tx.Id);
        Assert.Equal([PaymentEventTypes.Pending, PaymentEventTypes.Completed], events.Select(e => e.EventType));
    }

    [Fact]
    public async Task AnUnpaidInvoiceExpiresAtItsExpiryTime()
    {
        var tx = await Receive.CreateReceive(Admin, new ReceiveInput(SandboxWallet.Id, "1000", null, 60, null, null));

        await Get<TransactionReconciler>().Sweep();
        Assert.Equal(TransactionStatus.Pending, (await Reload(tx.Id)).Status);
        Clock.Advance(TimeSpan.FromSeconds(61));
        await Get<TransactionReconciler>().Sweep();

        Assert.Equal(TransactionStatus.Expired, (await Reload(tx.Id)).Status);
        Assert.Equal(Lightning.InvoiceState.Canceled, (await House.LookupInvoice(tx.PaymentHash!))!.State);
        Assert.Contains(await Get<TransactionQueries>().Events(tx.Id), e => e.EventType == PaymentEventTypes.Expired);
    }

    [Theory]
    [InlineData("complete", TransactionStatus.Completed)]
    [InlineData("fail", TransactionStatus.Failed)]
    public async Task SandboxBehavioursSettleAfterAShortDelay(string behavior, TransactionStatus expected)
    {
        await StartListening();
        var tx = await Receive.CreateReceive(Admin, new ReceiveInput(SandboxWallet.Id, "1000", null, null, null, $"{{\"amb_sandbox_behavior\":\"{behavior}\",\"order_id\":\"7\"}}"));

        await Get<TransactionReconciler>().Sweep();
        Assert.Equal(TransactionStatus.Pending, (await Reload(tx.Id)).Status);
        Clock.Advance(TimeSpan.FromSeconds(2));
        await Get<TransactionReconciler>().Sweep();

        await Eventually(async () => (await Reload(tx.Id)).Status == expected);
        if (expected == TransactionStatus.Failed)
            Assert.NotNull((await Reload(tx.Id)).Error);
    }

    [Fact]
    public async Task TheDefaultSandboxBehaviourLetsTheInvoiceExpireNaturally()
    {
        var tx = await Receive.CreateReceive(Admin, new ReceiveInput(SandboxWallet.Id, "1000", null, 120, null, "{\"order_id\":\"1\"}"));

        Clock.Advance(TimeSpan.FromSeconds(5));
        await Get<TransactionReconciler>().Sweep();
        Assert.Equal(TransactionStatus.Pending, (await Reload(tx.Id)).Status);
        Clock.Advance(TimeSpan.FromSeconds(120));
        await Get<TransactionReconciler>().Sweep();

        Assert.Equal(TransactionStatus.Expired, (await Reload(tx.Id)).Status);
    }

    [Fact]
    public async Task AStablecoinWalletReceivesInMicroUnitsAtTheConfiguredRate()
    {
        await StartListening();
        var usdt = await NewWallet(Sandbox, AssetCatalog.Usdt.Id);

        var tx = await Receive.CreateReceive(Admin, new ReceiveInput(usdt.Id, "1000000", "1 USDT", null, null, null));
        await Simnet.PayFromExternal(tx.PaymentRequest!);
        await Eventually(async () => (await Reload(tx.Id)).Status == TransactionStatus.Completed);

        // 1 USD at 100,000 USD/BTC is 1,000 sats.
        Assert.Equal(1_000_000, tx.AmountMsat);
        var done = await Reload(tx.Id);
        Assert.Equal(1_000_000, done.SettleAmount);
        Assert.Equal("1000", done.ExchangeRate);
        Assert.Equal(1_000_000, (await Get<WalletService>().Balance(usdt.Id)).Balance);
    }
}
