using Magma.Lightning.Storage;
using Magma.Market.Accounts;
using Magma.Market.Data;
using Microsoft.EntityFrameworkCore;

namespace Magma.Market.Lsps1;

/// <summary>
/// LSPS1 clients have no Magma account: their node id is the only identity REST gives. Their orders belong to
/// one shared buyer account, made once, so no order mints a session key nobody can use.
/// </summary>
public sealed class Lsps1ClientAccount(SqliteDatabase database, AccountService accounts)
{
    private const string AccountKey = "lsps1_account_id";
    private string? _id;

    public string Id => _id ?? throw new InvalidOperationException("The LSPS1 client account is not initialised.");

    public async Task Ensure() =>
        _id = await database.Write<MarketDbContext, string>(async db =>
        {
            if (await db.Settings.FirstOrDefaultAsync(s => s.Key == AccountKey) is { } existing)
                return existing.Value;
            var account = accounts.NewAccount(db, "LSPS1 clients", AccountKind.Registered, AccountKeyKind.Api).Account;
            db.Settings.Add(new MarketSetting { Key = AccountKey, Value = account.Id });
            await db.SaveChangesAsync();
            return account.Id;
        });
}
