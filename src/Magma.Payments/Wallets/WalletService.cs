using Magma.Lightning.Storage;
using Magma.Payments.Access;
using Magma.Payments.Assets;
using Magma.Payments.Credentials;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Wallets;

public sealed record CreatedWallet(Wallet Wallet, WalletKeys? Keys);

public sealed class WalletService(SqliteDatabase database, EnvironmentService environments, AssetCatalog assets, TimeProvider time)
{
    public async Task<CreatedWallet> Create(Caller caller, string? environmentId, string? name, string? assetId, bool withKeys = false)
    {
        caller.Require(PermissionResource.Wallets, PermissionLevel.Write);
        var environment = await environments.Find(caller, Ids.Require(environmentId, "environment_id"));
        if (caller is Caller.ServiceKey { WalletId: not null } or Caller.WalletKey)
            throw new MagmaException(PaymentErrors.Forbidden, "A wallet-scoped credential cannot create wallets.");
        var walletName = Validation.RequiredText(name, "name", 100);
        var asset = assets.Require(assetId ?? AssetCatalog.Btc.Id, environment.Type);
        var keys = withKeys ? new WalletKeys(SecretHash.NewHexKey(), SecretHash.NewHexKey()) : null;
        var now = time.GetUtcNow().UtcDateTime;
        var wallet = new Wallet
        {
            Id = Ids.New(now), EnvironmentId = environment.Id, Name = walletName, AssetId = asset.Id,
            AdminKeyHash = keys is null ? null : SecretHash.Of(keys.AdminKey),
            InvoiceKeyHash = keys is null ? null : SecretHash.Of(keys.InvoiceKey),
            CreatedAt = now, UpdatedAt = now,
        };
        await database.Write<PaymentsDbContext>(async db =>
        {
            db.Wallets.Add(wallet);
            await db.SaveChangesAsync();
        });
        return new CreatedWallet(wallet, keys);
    }

    public async Task<IReadOnlyList<Wallet>> List(Caller caller, string? environmentId)
    {
        caller.Require(PermissionResource.Wallets, PermissionLevel.Read);
        await using var db = database.Read<PaymentsDbContext>();
        var query = db.Wallets.Where(w => w.DeletedAt == null);
        if (environmentId is not null)
            query = query.Where(w => w.EnvironmentId == Ids.Require(environmentId, "environment_id"));
        var wallets = await query.OrderBy(w => w.CreatedAt).ToListAsync();
        return wallets.Where(w => caller.CanSeeWallet(w.EnvironmentId, w.Id)).ToList();
    }

    public async Task<Wallet> Get(Caller caller, string? id)
    {
        caller.Require(PermissionResource.Wallets, PermissionLevel.Read);
        return await Find(caller, Ids.Require(id, "id"));
    }

    public async Task<bool> Delete(Caller caller, string? id)
    {
        caller.Require(PermissionResource.Wallets, PermissionLevel.Write);
        var wallet = await Find(caller, Ids.Require(id, "id"));
        var now = time.GetUtcNow().UtcDateTime;
        return await database.Write<PaymentsDbContext, bool>(async db =>
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE wallets SET deleted_at = {now}, updated_at = {now} WHERE id = {wallet.Id} AND deleted_at IS NULL") == 1);
    }

    /// <summary>A wallet the caller may see, or NOT_FOUND, whether it is missing or someone else's.</summary>
    public async Task<Wallet> Find(Caller caller, string id)
    {
        // Every payment call starts here, so it is a prepared read rather than an EF query.
        var wallet = (await database.Rows<PaymentsDbContext, Wallet>("id = $p0 AND deleted_at IS NULL", id)).SingleOrDefault();
        if (wallet is null || !caller.CanSeeWallet(wallet.EnvironmentId, wallet.Id))
            throw new MagmaException(PaymentErrors.WalletNotFound, "Wallet not found.");
        return wallet;
    }

    public async Task<IReadOnlyDictionary<string, WalletBalance>> Balances(IReadOnlyCollection<string> walletIds)
    {
        await using var db = database.Read<PaymentsDbContext>();
        var sums = await db.LedgerEntries
            .Where(e => walletIds.Contains(e.WalletId))
            .GroupBy(e => new { e.WalletId, e.Kind })
            .Select(g => new { g.Key.WalletId, g.Key.Kind, Total = g.Sum(e => e.Amount) })
            .ToListAsync();
        return walletIds.ToDictionary(id => id, id =>
        {
            var mine = sums.Where(s => s.WalletId == id).ToList();
            return new WalletBalance(
                Balance: mine.Sum(s => s.Total),
                Received: mine.Where(s => s.Kind is LedgerEntryKind.Credit or LedgerEntryKind.Deposit).Sum(s => s.Total),
                Sent: -mine.Where(s => s.Kind == LedgerEntryKind.Debit).Sum(s => s.Total));
        });
    }

    public async Task<WalletBalance> Balance(string walletId) => (await Balances([walletId]))[walletId];

    /// <summary>The caller an LNbits-style key stands for, or null.</summary>
    public async Task<(Caller.WalletKey Caller, Wallet Wallet)?> AuthenticateKey(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 128)
            return null;
        var hash = SecretHash.Of(key);
        // Every LNbits request authenticates, so this is a prepared read rather than an EF query.
        var wallet = (await database.Rows<PaymentsDbContext, Wallet>(
            "(admin_key_hash = $p0 OR invoice_key_hash = $p0) AND deleted_at IS NULL"
            + " AND environment_id IN (SELECT id FROM environments WHERE deleted_at IS NULL) LIMIT 1", hash)).SingleOrDefault();
        return wallet is null ? null : (new Caller.WalletKey(wallet.Id, wallet.EnvironmentId, wallet.AdminKeyHash == hash), wallet);
    }
}
