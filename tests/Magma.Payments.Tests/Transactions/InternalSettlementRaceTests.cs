using Magma.Lightning;
using Magma.Lightning.Simnet;
using Magma.Payments.Data;
using Magma.Payments.Lnbits;
using Magma.Payments.Transactions;
using Magma.Payments.Wallets;
using Magma.Testing.Lightning;
using Microsoft.Extensions.DependencyInjection;

namespace Magma.Payments.Tests.Transactions;

/// <summary>
/// An internal send settles only after the node has cancelled its copy of the invoice. These tests put something
/// between the claim and the cancel: an outside payer, a node that cannot be reached, a crash.
/// </summary>
public sealed class InternalSettlementRaceTests : PaymentsHarness
{
    private const string Cancel = nameof(ILightningNode.CancelInvoice);

    private readonly StagedPayer _payer = new();
    private ObservedNode _node = null!;

    protected override ILightningNode SandboxNode(SimnetNode house) => ObservedNode.Wrap(house, out _node);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<ISandboxPayer>(sp => _payer.Around(new SimnetSandboxPayer(sp.GetRequiredService<SimnetNetwork>())));

    [Fact]
    public async Task ASandboxCompleteReceiveThatAnInternalSendClaimedIsLeftToThatSend()
    {
        var payee = await NewWallet(Sandbox);
        var receive = await Get<ReceiveService>().CreateReceive(Admin, new ReceiveInput(payee.Id, "3000", "claimed", null, null, "{\"amb_sandbox_behavior\":\"complete\"}"));
        PaymentTransaction? send = null;
        // Just before the sandbox payer pays, a wallet on this node pays the invoice: the node cancels it, but the send
        // is interrupted before it settles. The payer then finds the invoice cancelled and fails.
        _payer.Before = async () =>
        {
            _node.FailOnce(Cancel, _ => true, afterCall: true);
            send = await Get<SendService>().CreateSend(Admin, new SendInput(SandboxWallet.Id, new SendByRequest(receive.PaymentRequest!), null, null, null));
        };

        Clock.Advance(TimeSpan.FromSeconds(3));
        await Get<SandboxOutcomes>().RunDue();
        Assert.Equal(TransactionStage.Internal, (await Reload(receive.Id)).Stage);

        Clock.Advance(TimeSpan.FromMinutes(1));
        await Get<TransactionReconciler>().Sweep();

        Assert.Equal(TransactionStatus.Completed, (await Reload(send!.Id)).Status);
        Assert.Equal(TransactionStatus.Completed, (await Reload(receive.Id)).Status);
        Assert.Equal(3_000_000, (await Get<WalletService>().Balance(payee.Id)).Balance);
    }

    [Fact]
    public async Task AReceiveWaitingForItsSandboxBehaviourCanStillBePaidInternally()
    {
        var payee = await NewWallet(Sandbox);
        var receive = await Get<ReceiveService>().CreateReceive(Admin, new ReceiveInput(payee.Id, "3000", "scheduled", null, null, "{\"amb_sandbox_behavior\":\"fail\"}"));

        var send = await Get<SendService>().CreateSend(Admin, new SendInput(SandboxWallet.Id, new SendByRequest(receive.PaymentRequest!), null, null, null));
        Clock.Advance(TimeSpan.FromSeconds(3));
        await Get<SandboxOutcomes>().RunDue();

        Assert.Equal(TransactionStatus.Completed, send.Status);
        Assert.Equal(TransactionStatus.Completed, (await Reload(receive.Id)).Status);
        Assert.Equal(3_000_000, (await Get<WalletService>().Balance(payee.Id)).Balance);
    }

    [Fact]
    public async Task AnOutsidePaymentJustBeforeTheCancelIsCreditedAndTheInternalSendFails()
    {
        await StartListening();
        var payee = await NewWallet(Sandbox);
        var receive = await Get<ReceiveService>().CreateReceive(Admin, new ReceiveInput(payee.Id, "3000", "race", null, null, null));
        var before = await Get<WalletService>().Balance(SandboxWallet.Id);
        _node.Before(Cancel, _ => true, async () => Assert.NotEqual(ExternalPaymentOutcome.Rejected, (await Simnet.PayFromExternal(receive.PaymentRequest!)).Outcome));

        var send = await Get<SendService>().CreateSend(Admin, new SendInput(SandboxWallet.Id, new SendByRequest(receive.PaymentRequest!), null, null, null));

        Assert.Equal(TransactionStatus.Failed, send.Status);
        Assert.Equal(InternalSettlement.AlreadyPaidError, send.Error);
        Assert.False(send.IsInternal);
        Assert.Equal(before.Balance, (await Get<WalletService>().Balance(SandboxWallet.Id)).Balance);
        var received = await Reload(receive.Id);
        Assert.Equal(TransactionStatus.Completed, received.Status);
        Assert.False(received.IsInternal);
        Assert.Equal(3_000_000, (await Get<WalletService>().Balance(payee.Id)).Balance);
        // A checkout polling LNbits' status by hash, without the payee's key, sees the invoice paid, not the failed send.
        var polled = await LnbitsPaymentLookup.Find(Database, receive.PaymentHash);
        Assert.Equal((receive.Id, TransactionStatus.Completed), (polled!.Id, polled.Status));
    }

    [Fact]
    public async Task TheNodesCancelEventDoesNotExpireAClaimedReceive()
    {
        var payee = await NewWallet(Sandbox);
        var receive = await Get<ReceiveService>().CreateReceive(Admin, new ReceiveInput(payee.Id, "3000", "cancel event", null, null, null));
        // The invoice is cancelled and the node's CANCELED event handled before the settlement unit runs.
        _node.Before(Cancel, _ => true, async () =>
        {
            await House.CancelInvoice(receive.PaymentHash!);
            await Get<InvoiceSettlement>().Apply((await House.LookupInvoice(receive.PaymentHash!))!, Sandbox.Type);
        });

        var send = await Get<SendService>().CreateSend(Admin, new SendInput(SandboxWallet.Id, new SendByRequest(receive.PaymentRequest!), null, null, null));

        Assert.Equal(TransactionStatus.Completed, send.Status);
        Assert.Equal(TransactionStatus.Completed, (await Reload(receive.Id)).Status);
        Assert.Equal(3_000_000, (await Get<WalletService>().Balance(payee.Id)).Balance);
    }

    [Fact]
    public async Task ANodeThatCannotCancelLeavesBothPendingUntilTheReconcilerFinishes()
    {
        var payee = await NewWallet(Sandbox);
        var receive = await Get<ReceiveService>().CreateReceive(Admin, new ReceiveInput(payee.Id, "3000", "node down", null, null, null));
        _node.FailOnce(Cancel, _ => true);

        var send = await Get<SendService>().CreateSend(Admin, new SendInput(SandboxWallet.Id, new SendByRequest(receive.PaymentRequest!), null, null, null));

        Assert.Equal(TransactionStatus.Pending, send.Status);
        Assert.Equal(TransactionStage.Internal, send.Stage);
        Assert.Equal(TransactionStage.Internal, (await Reload(receive.Id)).Stage);
        Assert.Equal(InvoiceState.Open, (await House.LookupInvoice(receive.PaymentHash!))!.State);

        // Expiry passes while the node is away: the claimed receive is not expired under the send.
        Clock.Advance(TimeSpan.FromHours(2));
        await Get<TransactionReconciler>().Sweep();

        Assert.Equal(TransactionStatus.Completed, (await Reload(send.Id)).Status);
        Assert.Equal(TransactionStatus.Completed, (await Reload(receive.Id)).Status);
        Assert.Equal(3_000_000, (await Get<WalletService>().Balance(payee.Id)).Balance);
        Assert.Equal(InvoiceState.Canceled, (await House.LookupInvoice(receive.PaymentHash!))!.State);
    }

    /// <summary>The sandbox payer, with a step run just before it pays.</summary>
    private sealed class StagedPayer
    {
        public Func<Task>? Before { get; set; }

        public ISandboxPayer Around(ISandboxPayer inner) => new Payer(this, inner);

        private sealed class Payer(StagedPayer staged, ISandboxPayer inner) : ISandboxPayer
        {
            public async Task<bool> Pay(string paymentRequest)
            {
                if (staged.Before is { } before)
                    await before();
                return await inner.Pay(paymentRequest);
            }
        }
    }
}
