using Magma.Lightning.Storage;
using Magma.Payments.Access;
using Magma.Payments.Credentials;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Tests.Credentials;

public sealed class ApiKeyTests : PaymentsHarness
{
    private ApiKeyService Keys => Get<ApiKeyService>();

    private static readonly Permission[] PaymentsWrite = [new(PermissionResource.Payments, PermissionLevel.Write)];

    [Fact]
    public async Task ThePlaintextIsReturnedOnceAndOnlyItsHashIsStored()
    {
        var created = await Keys.Create(Admin, "backend-prod", Sandbox.Id, null, PaymentsWrite);

        Assert.StartsWith("amb_test_", created.PlaintextKey);
        Assert.Equal(created.PlaintextKey[..13], created.Key.KeyPrefix);
        Assert.Equal(created.PlaintextKey[^4..], created.Key.KeySuffix);
        await using var db = Database.Read<PaymentsDbContext>();
        var stored = await db.ApiKeys.SingleAsync(k => k.Id == created.Key.Id);
        Assert.Equal(SecretHash.Of(created.PlaintextKey), stored.KeyHash);
        Assert.DoesNotContain(created.PlaintextKey, stored.KeyHash + stored.KeyPrefix + stored.KeySuffix + stored.Permissions);
    }

    [Fact]
    public async Task AKeyAuthenticatesWithItsScopeUntilRevoked()
    {
        var created = await Keys.Create(Admin, "scoped", Sandbox.Id, SandboxWallet.Id, PaymentsWrite);

        var caller = await Keys.Authenticate(created.PlaintextKey);
        Assert.Equal(Sandbox.Id, caller!.EnvironmentId);
        Assert.Equal(SandboxWallet.Id, caller.WalletId);
        await Keys.Revoke(Admin, created.Key.Id);

        Assert.Null(await Keys.Authenticate(created.PlaintextKey));
        Assert.Null(await Keys.Authenticate("amb_test_unknown"));
        Assert.DoesNotContain(await Keys.List(Admin), k => k.Id == created.Key.Id);
    }

    [Fact]
    public async Task KeysCanBeRenamed()
    {
        var created = await Keys.Create(Admin, "old", Sandbox.Id, null, PaymentsWrite);

        var renamed = await Keys.Rename(Admin, created.Key.Id, "new");

        Assert.Equal("new", renamed.Name);
    }

    [Fact]
    public async Task OnlyTheAdminManagesKeys()
    {
        var created = await Keys.Create(Admin, "k", Sandbox.Id, null, PaymentsWrite);
        var asKey = await Keys.Authenticate(created.PlaintextKey);

        var error = await Assert.ThrowsAsync<MagmaException>(() => Keys.Create(asKey!, "escalate", Sandbox.Id, null, PaymentsWrite));

        Assert.Equal(ErrorKind.Forbidden, error.Error.Kind);
    }

    [Fact]
    public async Task LiveKeysCarryTheLivePrefix()
    {
        var live = await Get<EnvironmentService>().Create(Admin, "Production", EnvironmentType.Live);

        var created = await Keys.Create(Admin, "live", live.Id, null, PaymentsWrite);

        Assert.StartsWith("amb_live_", created.PlaintextKey);
    }

    [Fact]
    public async Task WriteImpliesReadAndMissingPermissionsAreForbidden()
    {
        var writer = new Caller.ServiceKey("k", Sandbox.Id, null, [new Permission(PermissionResource.Wallets, PermissionLevel.Write)]);

        writer.Require(PermissionResource.Wallets, PermissionLevel.Read);
        var error = Assert.Throws<MagmaException>(() => writer.Require(PermissionResource.Payments, PermissionLevel.Read));

        Assert.Equal(ErrorKind.Forbidden, error.Error.Kind);
    }
}
