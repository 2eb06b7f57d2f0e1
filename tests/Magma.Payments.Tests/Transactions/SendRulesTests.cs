using Magma.Lightning.Bitcoin;
using Magma.Payments.Access;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Errors;
using Magma.Payments.Transactions;

namespace Magma.Payments.Tests.Transactions;

/// <summary>Every create_send rule of the Send Payments page.</summary>
public sealed class SendRulesTests : PaymentsHarness
{
    private SendService Send => Get<SendService>();

    private SendInput ByInvoice(string bolt11, string? walletId = null, string? key = null, string? metadata = null) =>
        new(walletId ?? SandboxWallet.Id, new SendByRequest(bolt11), null, key, metadata);

    [Fact]
    public async Task ExactlyOneOfRequestOrAddressMustBeGiven()
    {
        var both = await Assert.ThrowsAsync<MagmaException>(() => Send.CreateSend(Admin,
            new SendInput(SandboxWallet.Id, new SendByRequest("lnbcrt1"), new SendByAddress("alice@example.com", "1000"), null, null)));
        var neither = await Assert.ThrowsAsync<MagmaException>(() => Send.CreateSend(Admin, new SendInput(SandboxWallet.Id, null, null, null, null)));

        Assert.Equal("Exactly one of request or address must be provided.", both.Message);
        Assert.Equal("Exactly one of request or address must be provided.", neither.Message);
    }

    [Fact]
    public async Task TheBolt11IsOneTo2048CharactersAndMustDecode()
    {
        var empty = await Assert.ThrowsAsync<MagmaException>(() => Send.CreateSend(Admin, ByInvoice("")));
        var tooLong = await Assert.ThrowsAsync<MagmaException>(() => Send.CreateSend(Admin, ByInvoice("lnbc" + new string('q', 2045))));
        var garbage = await Assert.ThrowsAsync<MagmaException>(() => Send.CreateSend(Admin, ByInvoice("lnbcrt1garbage")));

        Assert.Equal("request.bolt11", empty.Property);
        Assert.Equal("request.bolt11", tooLong.Property);
        Assert.Equal(PaymentErrors.InvalidInvoice, garbage.Error);
    }

    [Fact]
    public async Task ExpiredInvoicesAreRejectedUpFront()
    {
        var expired = InvoiceFactory.Foreign(BitcoinNetwork.Regtest, 1_000, Clock.GetUtcNow().AddHours(-2), expirySeconds: 3600);

        var error = await Assert.ThrowsAsync<MagmaException>(() => Send.CreateSend(Admin, ByInvoice(expired)));

        Assert.Equal("Invoice has already expired", error.Message);
    }

    [Fact]
    public async Task AmountlessInvoicesAreNotYetSupported()
    {
        var amountless = (await House.CreateInvoice(new Lightning.CreateInvoiceParams(0))).PaymentRequest;

        var error = await Assert.ThrowsAsync<MagmaException>(() => Send.CreateSend(Admin, ByInvoice(amountless)));

        Assert.StartsWith("Amountless invoices are not yet supported", error.Message);
    }

    [Fact]
    public async Task LiveWalletsOnlyAcceptMainnetInvoices()
    {
        var live = await Get<EnvironmentService>().Create(Admin, "Production", EnvironmentType.Live);
        var wallet = await NewWallet(live, depositMsat: 10_000_000);
        var regtest = (await LiveNode.CreateInvoice(new Lightning.CreateInvoiceParams(1_000))).PaymentRequest;
        var testnet = InvoiceFactory.Foreign(BitcoinNetwork.Testnet, 1_000, Clock.GetUtcNow());

        var refused = await Assert.ThrowsAsync<MagmaException>(() => Send.CreateSend(Admin, ByInvoice(regtest, wallet.Id)));
        var alsoRefused = await Assert.ThrowsAsync<MagmaException>(() => Send.CreateSend(Admin, ByInvoice(testnet, wallet.Id)));
        var mainnet = await Send.CreateSend(Admin, ByInvoice(InvoiceFactory.Foreign(BitcoinNetwork.Mainnet, 1_000, Clock.GetUtcNow()), wallet.Id));

        Assert.Equal("Invoice network regtest is not allowed for this wallet", refused.Message);
        Assert.Equal("Invoice network testnet is not allowed for this wallet", alsoRefused.Message);
        Assert.Equal(TransactionDirection.Send, mainnet.Direction);
    }

    [Fact]
    public async Task SandboxWalletsAcceptInvoicesOfAnyNetwork()
    {
        foreach (var network in new[] { BitcoinNetwork.Mainnet, BitcoinNetwork.Testnet, BitcoinNetwork.Signet, BitcoinNetwork.Simnet })
        {
            var tx = await Send.CreateSend(Admin, ByInvoice(InvoiceFactory.Foreign(network, 1_000, Clock.GetUtcNow())));
            Assert.Equal(TransactionStatus.Pending, tx.Status);
        }
    }

    [Fact]
    public async Task LightningAddressSendsFromAssetWalletsAreNotYetSupported()
    {
        var usdt = await NewWallet(Sandbox, AssetCatalog.Usdt.Id);

        var error = await Assert.ThrowsAsync<MagmaException>(() => Send.CreateSend(Admin,
            new SendInput(usdt.Id, null, new SendByAddress("alice@example.com", "1000"), null, null)));

        Assert.StartsWith("Lightning Address sends from Taproot Asset wallets are not yet supported", error.Message);
    }

    [Theory]
    [InlineData("alice", "1000")]
    [InlineData("alice@", "1000")]
    [InlineData("@example.com", "1000")]
    [InlineData("alice@example.com", "0")]
    [InlineData("alice@example.com", "ten")]
    public async Task ALightningAddressNeedsUserAtDomainAndAPositiveAmount(string address, string amount)
    {
        var error = await Assert.ThrowsAsync<MagmaException>(() => Send.CreateSend(Admin,
            new SendInput(SandboxWallet.Id, null, new SendByAddress(address, amount), null, null)));

        Assert.Equal(ErrorKind.Validation, error.Error.Kind);
    }

    [Fact]
    public async Task AnInvoiceKeyCannotSend()
    {
        var invoiceKey = new Caller.WalletKey(SandboxWallet.Id, Sandbox.Id, IsAdminKey: false);
        var invoice = (await LiveNode.CreateInvoice(new Lightning.CreateInvoiceParams(1_000))).PaymentRequest;

        var error = await Assert.ThrowsAsync<MagmaException>(() => Send.CreateSend(invoiceKey, ByInvoice(invoice)));

        Assert.Equal(ErrorKind.Forbidden, error.Error.Kind);
    }

    [Fact]
    public async Task ASendLargerThanTheBalanceIsRefusedAndLeavesNoTrace()
    {
        var empty = await NewWallet(Sandbox);
        var invoice = (await LiveNode.CreateInvoice(new Lightning.CreateInvoiceParams(1_000))).PaymentRequest;

        var error = await Assert.ThrowsAsync<MagmaException>(() => Send.CreateSend(Admin, ByInvoice(invoice, empty.Id)));

        Assert.Equal(PaymentErrors.InsufficientBalance, error.Error);
        Assert.Equal(0, (await Get<TransactionQueries>().FindMany(Admin, new ListTransactionsInput(null, empty.Id, null, null))).TotalCount);
    }
}
