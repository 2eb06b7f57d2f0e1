using System.Net.Http.Json;
using System.Text.Json;
using Magma.Lightning.Storage;
using Magma.Payments.Access;
using Magma.Payments.Assets;
using Magma.Payments.Credentials;
using Magma.Payments.Data;
using Magma.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Magma.Api.Tests.GraphQL;

/// <summary>
/// A running Magma holding the objects the seed pages refer to by id (environment 81b73615…, wallet 5e4b1e2a…),
/// a service key for that environment, and a Simnet buyer node, so the pages' operations run verbatim.
/// </summary>
public sealed class SeedWorld : IAsyncLifetime
{
    public const string EnvironmentId = "81b73615-ddf3-46e3-943a-467c3e442e04";
    public const string WalletId = "5e4b1e2a-9f3c-4a5b-8c7d-1234567890ab";

    private readonly TemporaryDatabase _database = new();

    public MagmaApp App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public string ServiceKey { get; private set; } = "";
    public string BuyerUri { get; private set; } = "";

    public async Task InitializeAsync()
    {
        App = new MagmaApp(_database);
        Client = App.CreateClient();
        var database = App.Services.GetRequiredService<SqliteDatabase>();
        var now = DateTime.UtcNow;
        await database.Write<PaymentsDbContext>(async db =>
        {
            db.Environments.Add(new PaymentsEnvironment { Id = EnvironmentId, Name = "Sandbox - dev", Type = EnvironmentType.Sandbox, CreatedAt = now, UpdatedAt = now });
            db.Wallets.Add(new Wallet { Id = WalletId, EnvironmentId = EnvironmentId, Name = "Main wallet", AssetId = Asset.BtcId, CreatedAt = now, UpdatedAt = now });
            db.LedgerEntries.Add(new LedgerEntry { WalletId = WalletId, Kind = LedgerEntryKind.Deposit, Amount = 5_000_000_000, CreatedAt = now });
            await db.SaveChangesAsync();
        });
        ServiceKey = (await App.Services.GetRequiredService<ApiKeyService>().Create(Caller.AdminCaller, "backend-prod", EnvironmentId, null,
            [new(PermissionResource.Wallets, PermissionLevel.Write), new(PermissionResource.Payments, PermissionLevel.Write), new(PermissionResource.Webhooks, PermissionLevel.Write)])).PlaintextKey;
        var buyer = await (await Client.PostAsJsonAsync("/api/v1/sandbox/nodes", new { alias = "seed-buyer" })).Content.ReadFromJsonAsync<JsonElement>();
        BuyerUri = buyer.GetProperty("uri").GetString()!;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _database.Dispose();
    }
}
