using Magma.Lightning.Storage;
using Magma.Payments.Access;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Environments;

public sealed class EnvironmentService(SqliteDatabase database, EnvironmentNodes nodes, TimeProvider time)
{
    public const string DefaultSandboxName = "Default sandbox";

    /// <summary>
    /// Creates an environment. A SANDBOX comes with one BTC wallet. A LIVE one needs an attached node and the
    /// admin token: an API key may only create sandboxes, so a leaked key cannot open a door to real funds.
    /// </summary>
    public async Task<PaymentsEnvironment> Create(Caller caller, string? name, EnvironmentType type)
    {
        caller.Require(PermissionResource.Environments, PermissionLevel.Write);
        var trimmed = Validation.RequiredText(name, "name", 100);
        if (type == EnvironmentType.Live)
        {
            if (caller is not Caller.Admin)
                throw new MagmaException(PaymentErrors.Forbidden, "Only the admin token can create a LIVE environment.");
            nodes.For(EnvironmentType.Live);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var environment = new PaymentsEnvironment { Id = Ids.New(now), Name = trimmed, Type = type, CreatedAt = now, UpdatedAt = now };
        await database.Write<PaymentsDbContext>(async db =>
        {
            db.Environments.Add(environment);
            if (type == EnvironmentType.Sandbox)
                db.Wallets.Add(new Wallet { Id = Ids.New(now), EnvironmentId = environment.Id, Name = "BTC wallet", AssetId = AssetCatalog.Btc.Id, CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        });
        return environment;
    }

    public async Task<IReadOnlyList<PaymentsEnvironment>> List(Caller caller)
    {
        caller.Require(PermissionResource.Environments, PermissionLevel.Read);
        await using var db = database.Read<PaymentsDbContext>();
        var scope = caller.ScopedEnvironmentId();
        return await db.Environments
            .Where(e => e.DeletedAt == null && (scope == null || e.Id == scope))
            .OrderBy(e => e.CreatedAt)
            .ToListAsync();
    }

    public async Task<PaymentsEnvironment> Get(Caller caller, string? id)
    {
        caller.Require(PermissionResource.Environments, PermissionLevel.Read);
        return await Find(caller, Ids.Require(id, "id"));
    }

    public async Task<bool> Delete(Caller caller, string? id)
    {
        caller.Require(PermissionResource.Environments, PermissionLevel.Write);
        var environment = await Find(caller, Ids.Require(id, "id"));
        var now = time.GetUtcNow().UtcDateTime;
        return await database.Write<PaymentsDbContext, bool>(async db =>
        {
            var rows = await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE environments SET deleted_at = {now}, updated_at = {now} WHERE id = {environment.Id} AND deleted_at IS NULL");
            return rows == 1;
        });
    }

    /// <summary>An environment the caller may see, or NOT_FOUND (also for other tenants' environments).</summary>
    public async Task<PaymentsEnvironment> Find(Caller caller, string id)
    {
        // Every payment call passes here, so it is a prepared read rather than an EF query.
        var environment = (await database.Rows<PaymentsDbContext, PaymentsEnvironment>("id = $p0 AND deleted_at IS NULL", id)).SingleOrDefault();
        if (environment is null || !caller.CanSeeEnvironment(id))
            throw new MagmaException(PaymentErrors.EnvironmentNotFound, "Environment not found.");
        return environment;
    }

    /// <summary>First start: a SANDBOX environment with one BTC wallet funded with a float, so the API works at once.</summary>
    public async Task<PaymentsEnvironment> EnsureDefaultSandbox(long initialBalanceMsat)
    {
        await using (var read = database.Read<PaymentsDbContext>())
        {
            var existing = await read.Environments.OrderBy(e => e.CreatedAt).FirstOrDefaultAsync(e => e.Type == EnvironmentType.Sandbox && e.DeletedAt == null);
            if (existing is not null)
                return existing;
        }
        var environment = await Create(Caller.AdminCaller, DefaultSandboxName, EnvironmentType.Sandbox);
        if (initialBalanceMsat > 0)
        {
            var now = time.GetUtcNow().UtcDateTime;
            await database.Write<PaymentsDbContext>(async db =>
            {
                var wallet = await db.Wallets.FirstAsync(w => w.EnvironmentId == environment.Id);
                db.LedgerEntries.Add(new LedgerEntry { WalletId = wallet.Id, Kind = LedgerEntryKind.Deposit, Amount = initialBalanceMsat, CreatedAt = now });
                await db.SaveChangesAsync();
            });
        }
        return environment;
    }
}
