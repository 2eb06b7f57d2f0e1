using Magma.Lightning;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Wallets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Magma.Market.Escrow;

/// <summary>
/// The marketplace's own payments environment and wallet: buyers' hold invoices are issued from it and sellers
/// are paid from it. It runs on the engine's node (Simnet in sandbox mode). In a sandbox it starts with a float,
/// because a seller is paid before the buyer's HTLC settles.
/// </summary>
public sealed class MarketPlatform(
    SqliteDatabase database,
    EnvironmentService environments,
    WalletService wallets,
    EnvironmentNodes nodes,
    TimeProvider time,
    IOptions<MarketOptions> options)
{
    private const string EnvironmentKey = "platform_environment_id";
    private const string WalletKey = "platform_wallet_id";
    private string? _environmentId;
    private string? _walletId;

    public string EnvironmentId => _environmentId ?? throw new InvalidOperationException("The market platform is not initialised.");

    public string WalletId => _walletId ?? throw new InvalidOperationException("The market platform is not initialised.");

    public EnvironmentType EnvironmentType => nodes.LiveAvailable ? EnvironmentType.Live : EnvironmentType.Sandbox;

    /// <summary>The engine's own node: it issues hold invoices, pays sellers and opens the house seller's channels.</summary>
    public ILightningNode Node => nodes.For(EnvironmentType);

    public async Task Initialize()
    {
        await using (var db = database.Read<MarketDbContext>())
        {
            var settings = await db.Settings.ToDictionaryAsync(s => s.Key, s => s.Value);
            if (settings.TryGetValue(EnvironmentKey, out var env) && settings.TryGetValue(WalletKey, out var wallet))
            {
                (_environmentId, _walletId) = (env, wallet);
                return;
            }
        }
        var environment = await environments.Create(Caller.AdminCaller, "Magma marketplace", EnvironmentType);
        var existing = await wallets.List(Caller.AdminCaller, environment.Id);
        var platformWallet = existing.FirstOrDefault() ?? (await wallets.Create(Caller.AdminCaller, environment.Id, "Marketplace escrow", null)).Wallet;
        var now = time.GetUtcNow().UtcDateTime;
        await database.Write<MarketDbContext>(async db =>
        {
            db.Settings.Add(new MarketSetting { Key = EnvironmentKey, Value = environment.Id });
            db.Settings.Add(new MarketSetting { Key = WalletKey, Value = platformWallet.Id });
            if (EnvironmentType == EnvironmentType.Sandbox && options.Value.SandboxPlatformFloatMsat > 0)
                db.LedgerEntries.Add(new LedgerEntry { WalletId = platformWallet.Id, Kind = LedgerEntryKind.Deposit, Amount = options.Value.SandboxPlatformFloatMsat, CreatedAt = now });
            await db.SaveChangesAsync();
        });
        (_environmentId, _walletId) = (environment.Id, platformWallet.Id);
    }
}
