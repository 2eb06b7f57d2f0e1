using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Magma.Payments.Access;
using Magma.Payments.Credentials;
using Magma.Payments.Environments;
using Microsoft.Extensions.DependencyInjection;

namespace Magma.Api.Tests.Lnbits;

public sealed class LnbitsWalletTests(LnbitsApi api) : IClassFixture<LnbitsApi>
{
    [Fact]
    public async Task TheAdminTokenCreatesAWalletInTheDefaultSandboxWithBothKeys()
    {
        var response = await api.App.Admin().PostAsJsonAsync("/api/v1/wallets", new { name = "Shop" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var wallet = await response.Json<JsonElement>();
        Assert.Equal("Shop", wallet.GetProperty("name").GetString());
        var sandbox = await api.App.Services.GetRequiredService<EnvironmentService>().EnsureDefaultSandbox(initialBalanceMsat: 0);
        Assert.Equal(sandbox.Id, wallet.GetProperty("environment_id").GetString());
        Assert.Matches("^[0-9a-f]{32}$", wallet.GetProperty("adminkey").GetString());
        Assert.Matches("^[0-9a-f]{32}$", wallet.GetProperty("inkey").GetString());
        Assert.NotEqual(wallet.GetProperty("adminkey").GetString(), wallet.GetProperty("inkey").GetString());
    }

    [Fact]
    public async Task CreatingAWalletWithoutTheAdminTokenIs401()
    {
        var anonymous = await api.Anonymous().PostAsJsonAsync("/api/v1/wallets", new { name = "Shop" });
        var wrong = api.Anonymous();
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", "mgm_admin_wrong");
        var wrongToken = await wrong.PostAsJsonAsync("/api/v1/wallets", new { name = "Shop" });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.False(string.IsNullOrEmpty((await anonymous.Json<JsonElement>()).GetProperty("detail").GetString()));
    }

    /// <summary>
    /// Wallet keys are the only wallet credentials in Magma, and only the admin token issues them: a service API key
    /// holding WALLET_CREDENTIALS:WRITE is no admin token, whichever header carries it.
    /// </summary>
    [Fact]
    public async Task AServiceKeyWithWalletCredentialsCannotIssueWalletKeys()
    {
        var sandbox = await api.App.Services.GetRequiredService<EnvironmentService>().EnsureDefaultSandbox(initialBalanceMsat: 0);
        var key = (await api.App.Services.GetRequiredService<ApiKeyService>().Create(Caller.AdminCaller, "credentials", sandbox.Id, null,
            [new Permission(PermissionResource.WalletCredentials, PermissionLevel.Write)])).PlaintextKey;
        var bearer = api.Anonymous();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", key);

        var asBearer = await bearer.PostAsJsonAsync("/api/v1/wallets", new { name = "Shop" });
        var asApiKey = await api.WithKey(key).PostAsJsonAsync("/api/v1/wallets", new { name = "Shop" });

        Assert.Equal(HttpStatusCode.Unauthorized, asBearer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asApiKey.StatusCode);
    }

    [Fact]
    public async Task AWalletNeedsANameAndAKnownEnvironment()
    {
        var nameless = await api.App.Admin().PostAsJsonAsync("/api/v1/wallets", new { name = " " });
        var elsewhere = await api.App.Admin().PostAsJsonAsync("/api/v1/wallets", new { name = "Shop", environment_id = Guid.NewGuid().ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    [Fact]
    public async Task EitherKeyReadsTheWalletWithItsBalanceInMsat()
    {
        var wallet = await api.FundedWallet(1_234, "Till");

        var byInvoiceKey = await (await api.WithKey(wallet.InvoiceKey).GetAsync("/api/v1/wallet")).Json<JsonElement>();
        var byAdminKey = await (await api.WithKey(wallet.AdminKey).GetAsync("/api/v1/wallet")).Json<JsonElement>();
        var noKey = await api.Anonymous().GetAsync("/api/v1/wallet");

        foreach (var read in new[] { byInvoiceKey, byAdminKey })
        {
            Assert.Equal(wallet.Id, read.GetProperty("id").GetString());
            Assert.Equal("Till", read.GetProperty("name").GetString());
            Assert.Equal(1_234_000, read.GetProperty("balance").GetInt64());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
    }
}
