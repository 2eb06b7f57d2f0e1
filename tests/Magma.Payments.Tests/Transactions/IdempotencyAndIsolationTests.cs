using System.Net;
using System.Security.Cryptography;
using System.Text;
using Magma.Lightning;
using Magma.Lightning.Bitcoin;
using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Errors;
using Magma.Payments.LightningAddress;
using Magma.Payments.Transactions;
using Magma.Payments.Wallets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Magma.Payments.Tests.Transactions;

/// <summary>
/// Holes a review found, each pinned by the test that first failed: replays that must return the original, a
/// reservation a crash abandoned, invoice events of another environment type, and LNURL callbacks into private networks.
/// </summary>
public sealed class IdempotencyAndIsolationTests : PaymentsHarness
{
    [Fact]
    public async Task ReplayingASendKeyAfterTheBalanceWasSpentReturnsTheOriginal()
    {
        var wallet = await NewWallet(Sandbox, depositMsat: 20_000);
        var invoice = InvoiceFactory.Foreign(BitcoinNetwork.Mainnet, 10_000, Clock.GetUtcNow());
        var input = new SendInput(wallet.Id, new SendByRequest(invoice), null, "payout-1", "{\"amb_sandbox_behavior\":\"complete\"}");
        var first = await Get<SendService>().CreateSend(Admin, input);
        Clock.Advance(TimeSpan.FromSeconds(2));
        await Get<TransactionReconciler>().Sweep();
        Assert.Equal(10_000, (await Get<WalletService>().Balance(wallet.Id)).Balance);

        // The client never saw the answer and retries with the same key: the seed says it gets the original back.
        var replay = await Get<SendService>().CreateSend(Admin, input);

        Assert.Equal(first.Id, replay.Id);
    }

    [Fact]
    public async Task ReplayingASendKeyAfterTheInvoiceExpiredReturnsTheOriginal()
    {
        var invoice = InvoiceFactory.Foreign(BitcoinNetwork.Mainnet, 10_000, Clock.GetUtcNow(), expirySeconds: 60);
        var input = new SendInput(SandboxWallet.Id, new SendByRequest(invoice), null, "payout-2", "{\"amb_sandbox_behavior\":\"complete\"}");
        var first = await Get<SendService>().CreateSend(Admin, input);
        Clock.Advance(TimeSpan.FromMinutes(5));

        var replay = await Get<SendService>().CreateSend(Admin, input);

        Assert.Equal(first.Id, replay.Id);
    }

    [Fact]
    public async Task AReceiveKeyClaimedByARequestThatCrashedIsNotStuckForever()
    {
        // The state a crash between the claim and the final write leaves.
        var now = Clock.GetUtcNow().UtcDateTime;
        await Database.Write<PaymentsDbContext>(async db =>
        {
            db.Transactions.Add(new PaymentTransaction
            {
                Id = Guid.NewGuid().ToString(), EnvironmentId = Sandbox.Id, WalletId = SandboxWallet.Id, Direction = TransactionDirection.Receive,
                Status = TransactionStatus.Pending, Stage = TransactionStage.Reserved, AssetId = SandboxWallet.AssetId, Amount = 1000, AmountMsat = 1000,
                IdempotencyKey = "order-7", CreatedAt = now, UpdatedAt = now, ExpiresAt = now.AddMinutes(10),
            });
            await db.SaveChangesAsync();
        });
        Clock.Advance(TimeSpan.FromDays(2));
        await Get<TransactionReconciler>().Sweep();

        var retry = await Get<ReceiveService>().CreateReceive(Admin, new ReceiveInput(SandboxWallet.Id, "1", null, null, "order-7", null));

        Assert.NotNull(retry.PaymentRequest);
    }

    [Fact]
    public async Task AReservationWhoseInvoiceTheNodeMadeIsFinishedAndItsPaymentCredited()
    {
        // The request died after the node made the invoice and before the transaction recorded it.
        var preimage = RandomNumberGenerator.GetBytes(32);
        var hash = Convert.ToHexStringLower(SHA256.HashData(preimage));
        var made = await House.CreateInvoice(new CreateInvoiceParams(5_000, "interrupted", Preimage: Convert.ToHexStringLower(preimage)));
        var before = (await Get<WalletService>().Balance(SandboxWallet.Id)).Balance;
        var now = Clock.GetUtcNow().UtcDateTime;
        var id = Guid.NewGuid().ToString();
        await Database.Write<PaymentsDbContext>(async db =>
        {
            db.Transactions.Add(new PaymentTransaction
            {
                Id = id, EnvironmentId = Sandbox.Id, WalletId = SandboxWallet.Id, Direction = TransactionDirection.Receive,
                Status = TransactionStatus.Pending, Stage = TransactionStage.Reserved, AssetId = SandboxWallet.AssetId, Amount = 5, AmountMsat = 5_000,
                PaymentHash = hash, Preimage = Convert.ToHexStringLower(preimage), IdempotencyKey = "order-8", CreatedAt = now, UpdatedAt = now, ExpiresAt = now.AddHours(1),
            });
            await db.SaveChangesAsync();
        });
        Assert.Equal(Magma.Lightning.Simnet.ExternalPaymentOutcome.Settled, (await Simnet.PayFromExternal(made.PaymentRequest)).Outcome);

        Clock.Advance(TimeSpan.FromMinutes(3));
        await Get<TransactionReconciler>().Sweep();

        var finished = await Reload(id);
        Assert.Equal((made.PaymentRequest, TransactionStatus.Completed), (finished.PaymentRequest, finished.Status));
        Assert.Equal(before + 5_000, (await Get<WalletService>().Balance(SandboxWallet.Id)).Balance);
        var replay = await Get<ReceiveService>().CreateReceive(Admin, new ReceiveInput(SandboxWallet.Id, "5", null, null, "order-8", null));
        Assert.Equal(id, replay.Id);
    }

    [Fact]
    public async Task ASandboxInvoiceEventDoesNotSettleALiveReceiveWithTheSameHash()
    {
        var live = await Get<EnvironmentService>().Create(Admin, "Production", EnvironmentType.Live);
        var liveWallet = await NewWallet(live);
        var preimage = RandomNumberGenerator.GetBytes(32);
        var hash = Convert.ToHexStringLower(SHA256.HashData(preimage));
        var holds = Get<HoldInvoiceService>();

        // A LIVE hold invoice, hash chosen by the caller; nobody pays it.
        var liveHold = await holds.Create(Admin, new InvoiceRequest(liveWallet.Id, 5_000_000, "live", TimeSpan.FromHours(1), HoldPaymentHash: hash));
        // The same hash on the sandbox node, paid with free sandbox money and settled.
        var sandboxWallet = await NewWallet(Sandbox);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var sandboxHold = await holds.Create(Admin, new InvoiceRequest(sandboxWallet.Id, 5_000_000, "sandbox", TimeSpan.FromHours(1), HoldPaymentHash: hash));
        var paid = await Simnet.PayFromExternal(sandboxHold.PaymentRequest!);
        Assert.True(paid.Outcome == Magma.Lightning.Simnet.ExternalPaymentOutcome.Accepted, paid.Error);
        await holds.Settle(Admin, Convert.ToHexStringLower(preimage));

        Assert.Equal(0, (await Get<WalletService>().Balance(liveWallet.Id)).Balance);
        Assert.Equal(TransactionStatus.Pending, (await Reload(liveHold.Id)).Status);
        Assert.Equal(TransactionStatus.Completed, (await Reload(sandboxHold.Id)).Status);
    }

    [Fact]
    public async Task AHoldOwnerCancelsItsOwnHoldWhenAnotherTenantUsedTheSameHashLater()
    {
        var live = await Get<EnvironmentService>().Create(Admin, "Production", EnvironmentType.Live);
        var liveWallet = await NewWallet(live);
        var hash = Convert.ToHexStringLower(SHA256.HashData(RandomNumberGenerator.GetBytes(32)));
        var holds = Get<HoldInvoiceService>();
        var mine = await holds.Create(Admin, new InvoiceRequest(SandboxWallet.Id, 1_000, "mine", TimeSpan.FromHours(1), HoldPaymentHash: hash));
        Clock.Advance(TimeSpan.FromSeconds(1));
        var theirs = await holds.Create(Admin, new InvoiceRequest(liveWallet.Id, 1_000, "theirs", TimeSpan.FromHours(1), HoldPaymentHash: hash));
        var owner = new Caller.WalletKey(SandboxWallet.Id, Sandbox.Id, IsAdminKey: true);

        await holds.Cancel(owner, hash);

        Assert.NotEqual(TransactionStatus.Pending, (await Reload(mine.Id)).Status);
        Assert.Equal(TransactionStatus.Pending, (await Reload(theirs.Id)).Status);
    }

    [Fact]
    public async Task ALightningAddressCallbackMayNotPointIntoThePrivateNetwork()
    {
        var handler = new RecordingHandler();
        var resolver = new LnurlPayResolver(new SingleClientFactory(handler), Options.Create(new PaymentsOptions()));

        await Assert.ThrowsAsync<MagmaException>(() => resolver.Resolve("alice@pay.example.com", 1_000_000, EnvironmentType.Sandbox, CancellationToken.None));

        Assert.DoesNotContain(handler.Requested, uri => uri.Host == "169.254.169.254");
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<Uri> Requested { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requested.Add(request.RequestUri!);
            var body = request.RequestUri!.Host == "pay.example.com"
                ? "{\"tag\":\"payRequest\",\"callback\":\"http://169.254.169.254/latest/meta-data/iam\",\"minSendable\":1,\"maxSendable\":100000000000,\"metadata\":\"[]\"}"
                : "{\"status\":\"ERROR\",\"reason\":\"secret-from-internal-service\"}";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }
    }

    private sealed class SingleClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}

public sealed class AmountLimitTests : PaymentsHarness
{
    [Fact]
    public async Task AnAmountTooLargeForMsatIsAValidationErrorNotACrash()
    {
        var error = await Record.ExceptionAsync(() => Get<ReceiveService>().CreateReceive(Admin, new ReceiveInput(SandboxWallet.Id, "999999999999999999", null, null, null, null)));
        Assert.IsType<MagmaException>(error);
    }
}
