using Magma.Payments.Access;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Errors;
using Magma.Payments.Wallets;

namespace Magma.Payments.Tests.Environments;

public sealed class EnvironmentAndWalletTests : PaymentsHarness
{
    [Fact]
    public async Task TheDefaultSandboxHoldsOneBitcoinWallet()
    {
        var again = await Get<EnvironmentService>().EnsureDefaultSandbox(0);

        Assert.Equal(Sandbox.Id, again.Id);
        Assert.Equal(EnvironmentType.Sandbox, Sandbox.Type);
        Assert.Equal(AssetCatalog.Btc.Id, SandboxWallet.AssetId);
    }

    [Fact]
    public async Task ALiveEnvironmentNeedsAnAttachedNode()
    {
        var noLiveNode = new EnvironmentService(Database, new EnvironmentNodes(House), Clock);

        var error = await Assert.ThrowsAsync<MagmaException>(() => noLiveNode.Create(Admin, "Production", EnvironmentType.Live));

        Assert.Equal(PaymentErrors.LiveEnvironmentUnavailable, error.Error);
        Assert.Contains("attached Lightning node", error.Message);
    }

    [Fact]
    public async Task AnApiKeyMayCreateSandboxesButNotLiveEnvironments()
    {
        var key = new Caller.ServiceKey("k", Sandbox.Id, null, [new Permission(PermissionResource.Environments, PermissionLevel.Write)]);

        var sandbox = await Get<EnvironmentService>().Create(key, "Sandbox - dev", EnvironmentType.Sandbox);
        var live = await Assert.ThrowsAsync<MagmaException>(() => Get<EnvironmentService>().Create(key, "Production", EnvironmentType.Live));

        Assert.Equal("Sandbox - dev", sandbox.Name);
        Assert.Single(await Get<WalletService>().List(Admin, sandbox.Id));
        Assert.Equal(ErrorKind.Forbidden, live.Error.Kind);
    }

    [Fact]
    public async Task StablecoinsAreListedOnlyForSandboxes()
    {
        var catalog = Get<AssetCatalog>();

        Assert.Equal(["BTC", "USDT", "USDC"], catalog.List(includeSandbox: true).Select(a => a.Symbol));
        Assert.Equal(["BTC"], catalog.List(includeSandbox: false).Select(a => a.Symbol));
        Assert.All(catalog.List(true).Where(a => !a.IsBtc), a => Assert.Equal(6, a.Precision));
        var live = await Get<EnvironmentService>().Create(Admin, "Production", EnvironmentType.Live);
        await Assert.ThrowsAsync<MagmaException>(() => Get<WalletService>().Create(Admin, live.Id, "usdt", AssetCatalog.Usdt.Id));
    }

    [Fact]
    public async Task AWalletKeyScopedCallerSeesOnlyItsWallet()
    {
        var other = await NewWallet(Sandbox);
        var key = new Caller.WalletKey(SandboxWallet.Id, Sandbox.Id, IsAdminKey: true);

        var visible = await Get<WalletService>().List(key, Sandbox.Id);
        var error = await Assert.ThrowsAsync<MagmaException>(() => Get<WalletService>().Get(key, other.Id));

        Assert.Equal([SandboxWallet.Id], visible.Select(w => w.Id));
        Assert.Equal(ErrorKind.NotFound, error.Error.Kind);
    }

    [Fact]
    public async Task WalletKeysAuthenticateAsInvoiceOrAdminKeys()
    {
        var created = await Get<WalletService>().Create(Admin, Sandbox.Id, "lnbits", null, withKeys: true);

        var admin = await Get<WalletService>().AuthenticateKey(created.Keys!.AdminKey);
        var invoice = await Get<WalletService>().AuthenticateKey(created.Keys.InvoiceKey);

        Assert.True(admin!.Value.Caller.IsAdminKey);
        Assert.False(invoice!.Value.Caller.IsAdminKey);
        Assert.Null(await Get<WalletService>().AuthenticateKey("0123456789abcdef0123456789abcdef"));
    }
}
