using Magma.Lightning.Bitcoin;
using Magma.Lightning.Bolt11;
using Magma.Lightning.Crypto;
using Magma.Lightning;
using Magma.Payments.Data;
using Magma.Payments.Transactions;
using Magma.Payments.Wallets;

namespace Magma.Payments.Tests.Transactions;

public sealed class SendLifecycleTests : PaymentsHarness
{
    private SendService Send => Get<SendService>();

    [Fact]
    public async Task ASendToASimnetInvoiceIsReallyPaidAndDebitsAmountPlusFee()
    {
        var seller = await Simnet.CreateNode("seller");
        var invoice = await seller.CreateInvoice(new CreateInvoiceParams(50_000_000));
        var before = await Get<WalletService>().Balance(SandboxWallet.Id);

        var tx = await Send.CreateSend(Admin, new SendInput(SandboxWallet.Id, new SendByRequest(invoice.PaymentRequest), null, "payout-1", "{\"payout_id\":\"1\"}"));

        Assert.Equal(TransactionStatus.Completed, tx.Status);
        Assert.Equal(invoice.PaymentHash, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Convert.FromHexString(tx.Preimage!))));
        Assert.True(tx.FeeMsat > 0);
        Assert.Equal(InvoiceState.Settled, (await seller.LookupInvoice(invoice.PaymentHash))!.State);
        var after = await Get<WalletService>().Balance(SandboxWallet.Id);
        Assert.Equal(before.Balance - 50_000_000 - tx.FeeMsat, after.Balance);
        Assert.Equal(before.Sent + 50_000_000 + tx.FeeMsat, after.Sent);
    }

    [Theory]
    [InlineData("complete", TransactionStatus.Completed)]
    [InlineData("fail", TransactionStatus.Failed)]
    [InlineData("expire", TransactionStatus.Expired)]
    public async Task SandboxBehavioursDecideASendAfterAShortDelay(string behavior, TransactionStatus expected)
    {
        var before = await Get<WalletService>().Balance(SandboxWallet.Id);
        var invoice = InvoiceFactory.Foreign(BitcoinNetwork.Mainnet, 10_000, Clock.GetUtcNow());

        var tx = await Send.CreateSend(Admin, new SendInput(SandboxWallet.Id, new SendByRequest(invoice), null, null, $"{{\"amb_sandbox_behavior\":\"{behavior}\"}}"));
        Assert.Equal(TransactionStatus.Pending, tx.Status);
        Assert.Equal(before.Balance - 10_000 - 2_000, (await Get<WalletService>().Balance(SandboxWallet.Id)).Balance);
        Clock.Advance(TimeSpan.FromSeconds(2));
        await Get<TransactionReconciler>().Sweep();

        Assert.Equal(expected, (await Reload(tx.Id)).Status);
        var spent = expected == TransactionStatus.Completed ? 10_000 : 0;
        Assert.Equal(before.Balance - spent, (await Get<WalletService>().Balance(SandboxWallet.Id)).Balance);
    }

    [Fact]
    public async Task AReplayedIdempotencyKeyReturnsTheOriginalSend()
    {
        var invoice = InvoiceFactory.Foreign(BitcoinNetwork.Mainnet, 10_000, Clock.GetUtcNow());
        var first = await Send.CreateSend(Admin, new SendInput(SandboxWallet.Id, new SendByRequest(invoice), null, "payout-2026-06-01-42", null));

        var replay = await Send.CreateSend(Admin, new SendInput(SandboxWallet.Id, new SendByRequest(invoice), null, "payout-2026-06-01-42", null));

        Assert.Equal(first.Id, replay.Id);
    }

    [Fact]
    public async Task AMadeUpInvoiceReusingAnInternalHashDoesNotSettleTheReceive()
    {
        var payee = await NewWallet(Sandbox);
        var receive = await Get<ReceiveService>().CreateReceive(Admin, new ReceiveInput(payee.Id, "3000", "internal", null, null, null));
        // Same hash, a larger amount, another payee: paying it must not credit the real invoice's wallet.
        var forged = Bolt11Encoder.Encode(new Bolt11InvoiceDraft
        {
            Network = BitcoinNetwork.Regtest, AmountMsat = 5_000_000, Timestamp = Clock.GetUtcNow(), PaymentHash = receive.PaymentHash!,
            PaymentSecret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), Description = "forged", ExpirySeconds = 3600,
        }, PrivateKey.Generate());

        var send = await Send.CreateSend(Admin, new SendInput(SandboxWallet.Id, new SendByRequest(forged), null, null, null));

        Assert.False(send.IsInternal);
        Assert.Equal(TransactionStatus.Pending, (await Reload(receive.Id)).Status);
        Assert.Equal(0, (await Get<WalletService>().Balance(payee.Id)).Balance);
    }

    [Fact]
    public async Task ASandboxCompleteSendToAnotherWalletsInvoiceCreditsThatWallet()
    {
        var payee = await NewWallet(Sandbox);
        var receive = await Get<ReceiveService>().CreateReceive(Admin, new ReceiveInput(payee.Id, "3000", "internal", null, null, null));

        var send = await Send.CreateSend(Admin, new SendInput(SandboxWallet.Id, new SendByRequest(receive.PaymentRequest!), null, null, "{\"amb_sandbox_behavior\":\"complete\"}"));
        Clock.Advance(TimeSpan.FromSeconds(5));
        await Get<TransactionReconciler>().Sweep();

        Assert.Equal(TransactionStatus.Completed, (await Reload(send.Id)).Status);
        Assert.Equal(TransactionStatus.Completed, (await Reload(receive.Id)).Status);
        Assert.Equal(3_000_000, (await Get<WalletService>().Balance(payee.Id)).Balance);
    }

    [Fact]
    public async Task PayingAnInvoiceOfAnotherWalletOnTheSameNodeSettlesInternally()
    {
        await StartListening();
        var payee = await NewWallet(Sandbox);
        var receive = await Get<ReceiveService>().CreateReceive(Admin, new ReceiveInput(payee.Id, "3000", "internal", null, null, null));

        var send = await Send.CreateSend(Admin, new SendInput(SandboxWallet.Id, new SendByRequest(receive.PaymentRequest!), null, null, null));

        Assert.Equal(TransactionStatus.Completed, send.Status);
        Assert.True(send.IsInternal);
        Assert.Equal(0, send.FeeMsat);
        var received = await Reload(receive.Id);
        Assert.Equal(TransactionStatus.Completed, received.Status);
        Assert.True(received.IsInternal);
        Assert.Equal(3_000_000, (await Get<WalletService>().Balance(payee.Id)).Balance);
        Assert.Equal(InvoiceState.Canceled, (await House.LookupInvoice(receive.PaymentHash!))!.State);
    }

    [Fact]
    public async Task PayingAnInternalInvoiceTwiceFailsTheSecondSendAsAlreadyPaid()
    {
        var payee = await NewWallet(Sandbox);
        var receive = await Get<ReceiveService>().CreateReceive(Admin, new ReceiveInput(payee.Id, "3000", "twice", null, null, null));
        await Send.CreateSend(Admin, new SendInput(SandboxWallet.Id, new SendByRequest(receive.PaymentRequest!), null, null, null));
        var before = await Get<WalletService>().Balance(SandboxWallet.Id);

        var second = await Send.CreateSend(Admin, new SendInput(SandboxWallet.Id, new SendByRequest(receive.PaymentRequest!), null, null, null));

        Assert.Equal((TransactionStatus.Failed, InternalSettlement.AlreadyPaidError), (second.Status, second.Error));
        Assert.Equal(before.Balance, (await Get<WalletService>().Balance(SandboxWallet.Id)).Balance);
        Assert.Equal(3_000_000, (await Get<WalletService>().Balance(payee.Id)).Balance);
    }

    [Fact]
    public async Task ASandboxCompleteSendToAnInternalInvoiceThatExpiredMeanwhileFails()
    {
        var payee = await NewWallet(Sandbox);
        var receive = await Get<ReceiveService>().CreateReceive(Admin, new ReceiveInput(payee.Id, "3000", "late", 60, null, null));
        var before = await Get<WalletService>().Balance(SandboxWallet.Id);
        var send = await Send.CreateSend(Admin, new SendInput(SandboxWallet.Id, new SendByRequest(receive.PaymentRequest!), null, null, "{\"amb_sandbox_behavior\":\"complete\"}"));

        // The behaviour runs after the invoice's expiry: nothing can be paid to it any more.
        Clock.Advance(TimeSpan.FromSeconds(61));
        await Get<SandboxOutcomes>().RunDue();

        var failed = await Reload(send.Id);
        Assert.Equal((TransactionStatus.Failed, InternalSettlement.NoLongerPayableError), (failed.Status, failed.Error));
        Assert.Equal(before.Balance, (await Get<WalletService>().Balance(SandboxWallet.Id)).Balance);
        Assert.Equal(0, (await Get<WalletService>().Balance(payee.Id)).Balance);
    }

    [Fact]
    public async Task AFailedPaymentReleasesTheReservation()
    {
        var before = await Get<WalletService>().Balance(SandboxWallet.Id);
        var stranger = InvoiceFactory.Foreign(BitcoinNetwork.Regtest, 5_000, Clock.GetUtcNow());

        var tx = await Send.CreateSend(Admin, new SendInput(SandboxWallet.Id, new SendByRequest(stranger), null, null, null));

        Assert.Equal(TransactionStatus.Failed, tx.Status);
        Assert.Equal("No route to the destination was found.", tx.Error);
        Assert.Equal(before.Balance, (await Get<WalletService>().Balance(SandboxWallet.Id)).Balance);
    }
}
