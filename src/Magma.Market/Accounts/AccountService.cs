using System.Collections.Concurrent;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Errors;
using Magma.Payments;
using Magma.Payments.Credentials;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;

namespace Magma.Market.Accounts;

public sealed record IssuedKey(AccountKey Key, string Plaintext);

/// <summary>
/// Marketplace accounts and their Bearer keys. An anonymous buyer gets an account and a session key (32 hex,
/// as Magma's) once; registered accounts hold API keys (<c>magma_…</c>). Only hashes are stored.
/// </summary>
public sealed class AccountService(SqliteDatabase database, TimeProvider time)
{
    public const string ApiKeyPrefix = "magma_";
    private readonly ConcurrentDictionary<string, DateTime> _lastUsedWritten = new();

    // Keys verified in the last few seconds, by hash, so polling clients (a buyer tracking an order) cost no key read
    // per request. Revoking clears it; an entry also ages out, and the map is dropped whole if it ever grows large.
    private readonly ConcurrentDictionary<string, (MarketCaller.Account Caller, string KeyId, DateTime VerifiedAt)> _verified = new();
    private static readonly TimeSpan VerifiedKeyLifetime = TimeSpan.FromSeconds(30);
    private const int MaxVerifiedKeys = 10_000;
    private readonly Lock _verifiedGate = new();
    private long _revocations;

    /// <summary>Creates an account with its first key, inside a caller's unit of work.</summary>
    public (Account Account, IssuedKey Key) NewAccount(MarketDbContext db, string name, AccountKind kind, AccountKeyKind keyKind)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var account = new Account { Id = Ids.New(now), Name = name, Kind = kind, CreatedAt = now };
        db.Accounts.Add(account);
        return (account, NewKey(db, account.Id, keyKind, keyKind == AccountKeyKind.Session ? "session" : "default"));
    }

    public IssuedKey NewKey(MarketDbContext db, string accountId, AccountKeyKind kind, string name)
    {
        var plaintext = kind == AccountKeyKind.Session ? SecretHash.NewHexKey() : SecretHash.NewToken(ApiKeyPrefix);
        // An API key's prefix is "magma_" plus 4 of its 43 random characters; 14 of a session key's 32 hex characters
        // would give away 56 of its 128 bits, so a session key keeps nothing but its hash.
        var session = kind == AccountKeyKind.Session;
        var now = time.GetUtcNow().UtcDateTime;
        var key = new AccountKey
        {
            Id = Ids.New(now), AccountId = accountId, Kind = kind, Name = name, KeyHash = SecretHash.Of(plaintext),
            KeyPrefix = session ? "" : plaintext[..10], KeySuffix = session ? "" : plaintext[^4..], CreatedAt = now,
        };
        db.AccountKeys.Add(key);
        return new IssuedKey(key, plaintext);
    }

    /// <summary>The admin creates a registered account and mints its first API key.</summary>
    public Task<(Account Account, IssuedKey Key)> Create(MarketCaller caller, string? name)
    {
        RequireAdmin(caller);
        var accountName = Validation.RequiredText(name, "name", 100);
        return database.Write<MarketDbContext, (Account, IssuedKey)>(async db =>
        {
            var created = NewAccount(db, accountName, AccountKind.Registered, AccountKeyKind.Api);
            await db.SaveChangesAsync();
            return created;
        });
    }

    public Task<IssuedKey> MintKey(MarketCaller caller, string? accountId, string? name)
    {
        var id = Owner(caller, accountId);
        var keyName = Validation.RequiredText(name ?? "api key", "name", 100);
        return database.Write<MarketDbContext, IssuedKey>(async db =>
        {
            if (!await db.Accounts.AnyAsync(a => a.Id == id))
                throw new MagmaException(MarketErrors.AccountNotFound, "Account not found.");
            var key = NewKey(db, id, AccountKeyKind.Api, keyName);
            await db.SaveChangesAsync();
            return key;
        });
    }

    public async Task<IReadOnlyList<AccountKey>> ListKeys(MarketCaller caller, string? accountId)
    {
        var id = Owner(caller, accountId);
        await using var db = database.Read<MarketDbContext>();
        return await db.AccountKeys.Where(k => k.AccountId == id && k.RevokedAt == null).OrderBy(k => k.CreatedAt).ToListAsync();
    }

    public async Task RevokeKey(MarketCaller caller, string? keyId)
    {
        var id = Ids.Require(keyId, "id");
        var now = time.GetUtcNow().UtcDateTime;
        var revoked = await database.Write<MarketDbContext, bool>(async db =>
        {
            var key = await db.AccountKeys.FirstOrDefaultAsync(k => k.Id == id && k.RevokedAt == null);
            if (key is null || (caller is MarketCaller.Account account && account.Id != key.AccountId))
                return false;
            key.RevokedAt = now;
            await db.SaveChangesAsync();
            return true;
        });
        if (!revoked)
            throw new MagmaException(MarketErrors.AccountNotFound, "Key not found.");
        // Revocation takes effect at once: no request may be answered from a key verified before it.
        lock (_verifiedGate)
        {
            _revocations++;
            _verified.Clear();
        }
    }

    /// <summary>The account a Bearer key stands for, or null.</summary>
    public async Task<MarketCaller.Account?> Authenticate(string? bearer)
    {
        if (string.IsNullOrEmpty(bearer) || bearer.Length > 128)
            return null;
        var hash = SecretHash.Of(bearer);
        var now = time.GetUtcNow().UtcDateTime;
        var revocationsSeen = Interlocked.Read(ref _revocations);
        if (_verified.TryGetValue(hash, out var known) && now - known.VerifiedAt < VerifiedKeyLifetime)
        {
            await NoteUse(known.KeyId, now);
            return known.Caller;
        }
        // A prepared read: it runs on every authenticated request the map above does not answer.
        var key = (await database.Rows<MarketDbContext, AccountKey>("key_hash = $p0 AND revoked_at IS NULL", hash)).SingleOrDefault();
        if (key is null)
            return null;
        var caller = new MarketCaller.Account(key.AccountId, key.Kind);
        // A revocation that committed after the read above must not be undone by remembering what the read saw.
        lock (_verifiedGate)
        {
            if (_revocations == revocationsSeen)
            {
                if (_verified.Count >= MaxVerifiedKeys)
                    _verified.Clear();
                _verified[hash] = (caller, key.Id, now);
            }
        }
        await NoteUse(key.Id, now);
        return caller;
    }

    // last_used_at is for people reading a key list: once a minute per key is precise enough and keeps reads off the writer.
    private async Task NoteUse(string keyId, DateTime now)
    {
        if (_lastUsedWritten.TryGetValue(keyId, out var written) && now - written < TimeSpan.FromMinutes(1))
            return;
        _lastUsedWritten[keyId] = now;
        await database.Write<MarketDbContext>(d => d.Database.ExecuteSqlInterpolatedAsync($"UPDATE account_keys SET last_used_at = {now} WHERE id = {keyId}"));
    }

    private static string Owner(MarketCaller caller, string? accountId) => caller switch
    {
        MarketCaller.Admin => Ids.Require(accountId, "account_id"),
        MarketCaller.Account account when accountId is null || accountId == account.Id => account.Id,
        _ => throw new MagmaException(MarketErrors.Forbidden, "An account can only manage its own keys."),
    };

    private static void RequireAdmin(MarketCaller caller)
    {
        if (caller is not MarketCaller.Admin)
            throw new MagmaException(MarketErrors.Forbidden, "Creating accounts takes the admin token.");
    }
}
