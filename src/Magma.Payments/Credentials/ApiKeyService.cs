using System.Collections.Concurrent;
using System.Text.Json;
using Magma.Lightning.Storage;
using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Credentials;

public sealed record CreatedApiKey(ApiKey Key, string PlaintextKey);

/// <summary>
/// Service API keys. Managing them takes the admin token, so a leaked key cannot mint another. The plaintext
/// (<c>amb_test_…</c> in sandbox, <c>amb_live_…</c> in live) is returned once; a hash, prefix and suffix are kept.
/// </summary>
public sealed class ApiKeyService(SqliteDatabase database, EnvironmentService environments, TimeProvider time)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTime> _lastUsedWritten = new();

    public async Task<CreatedApiKey> Create(Caller caller, string? name, string? environmentId, string? walletId, IReadOnlyList<Permission>? permissions, DateTime? expiresAt = null)
    {
        RequireAdmin(caller);
        var keyName = Validation.RequiredText(name, "name", 100);
        var environment = await environments.Find(caller, Ids.Require(environmentId, "environment_id"));
        if (permissions is null || permissions.Count == 0)
            throw PaymentErrors.Invalid("permissions must name at least one resource and level.", "permissions");
        var now = time.GetUtcNow().UtcDateTime;
        if (expiresAt is not null && expiresAt <= now)
            throw PaymentErrors.Invalid("expires_at must be in the future.", "expires_at");
        string? scopedWallet = null;
        if (walletId is not null)
        {
            scopedWallet = Ids.Require(walletId, "wallet_id");
            await using var db = database.Read<PaymentsDbContext>();
            if (!await db.Wallets.AnyAsync(w => w.Id == scopedWallet && w.EnvironmentId == environment.Id && w.DeletedAt == null))
                throw new MagmaException(PaymentErrors.WalletNotFound, "Wallet not found in this environment.", "wallet_id");
        }

        var plaintext = SecretHash.NewToken(environment.Type == EnvironmentType.Live ? "amb_live_" : "amb_test_");
        var key = new ApiKey
        {
            Id = Ids.New(now), Name = keyName, EnvironmentId = environment.Id, WalletId = scopedWallet,
            KeyHash = SecretHash.Of(plaintext), KeyPrefix = plaintext[..13], KeySuffix = plaintext[^4..],
            Permissions = JsonSerializer.Serialize(permissions.Distinct().ToList()),
            CreatedAt = now, UpdatedAt = now, ExpiresAt = expiresAt,
        };
        await database.Write<PaymentsDbContext>(async db =>
        {
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
        });
        return new CreatedApiKey(key, plaintext);
    }

    public async Task<IReadOnlyList<ApiKey>> List(Caller caller, string? environmentId = null)
    {
        RequireAdmin(caller);
        await using var db = database.Read<PaymentsDbContext>();
        var query = db.ApiKeys.Where(k => k.RevokedAt == null);
        if (environmentId is not null)
            query = query.Where(k => k.EnvironmentId == environmentId);
        return await query.OrderBy(k => k.CreatedAt).ToListAsync();
    }

    public async Task<ApiKey> Revoke(Caller caller, string? id)
    {
        RequireAdmin(caller);
        var keyId = Ids.Require(id, "id");
        var now = time.GetUtcNow().UtcDateTime;
        return await Change(keyId, $"UPDATE api_keys SET revoked_at = {now}, updated_at = {now} WHERE id = {keyId} AND revoked_at IS NULL", allowAlreadyDone: true);
    }

    public async Task<ApiKey> Rename(Caller caller, string? id, string? name)
    {
        RequireAdmin(caller);
        var keyId = Ids.Require(id, "id");
        var newName = Validation.RequiredText(name, "name", 100);
        var now = time.GetUtcNow().UtcDateTime;
        return await Change(keyId, $"UPDATE api_keys SET name = {newName}, updated_at = {now} WHERE id = {keyId} AND revoked_at IS NULL", allowAlreadyDone: false);
    }

    /// <summary>The caller a plaintext key stands for, or null when it is unknown, revoked, expired or its environment is gone.</summary>
    public async Task<Caller.ServiceKey?> Authenticate(string? plaintext)
    {
        if (string.IsNullOrEmpty(plaintext) || !(plaintext.StartsWith("amb_test_", StringComparison.Ordinal) || plaintext.StartsWith("amb_live_", StringComparison.Ordinal)))
            return null;
        var hash = SecretHash.Of(plaintext);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = database.Read<PaymentsDbContext>();
        var key = await db.ApiKeys
            .Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Join(db.Environments.Where(e => e.DeletedAt == null), k => k.EnvironmentId, e => e.Id, (k, _) => k)
            .FirstOrDefaultAsync();
        if (key is null || key.ExpiresAt <= now)
            return null;
        await TouchLastUsed(key.Id, now);
        return new Caller.ServiceKey(key.Id, key.EnvironmentId, key.WalletId, ParsePermissions(key.Permissions));
    }

    public static IReadOnlyList<Permission> ParsePermissions(string json) =>
        JsonSerializer.Deserialize<List<Permission>>(json) ?? [];

    /// <summary>last_used_at is written at most once a minute per key: a durable write per request would cost an fsync.</summary>
    private async Task TouchLastUsed(string keyId, DateTime now)
    {
        if (_lastUsedWritten.TryGetValue(keyId, out var written) && now - written < LastUsedResolution)
            return;
        _lastUsedWritten[keyId] = now;
        await database.Write<PaymentsDbContext>(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE api_keys SET last_used_at = {now} WHERE id = {keyId}"));
    }

    private async Task<ApiKey> Change(string keyId, FormattableString update, bool allowAlreadyDone)
    {
        var rows = await database.Write<PaymentsDbContext, int>(db => db.Database.ExecuteSqlInterpolatedAsync(update));
        await using var db = database.Read<PaymentsDbContext>();
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId);
        if (key is null || (rows == 0 && !allowAlreadyDone))
            throw new MagmaException(PaymentErrors.ApiKeyNotFound, "API key not found.");
        return key;
    }

    private static void RequireAdmin(Caller caller)
    {
        if (caller is not Caller.Admin)
            throw new MagmaException(PaymentErrors.Forbidden, "API keys are managed with the admin token only.");
    }
}
