using System.Security.Cryptography;
using Magma.Lightning.Crypto;
using Magma.Lightning.Messages;
using Magma.Lightning.Storage;
using Magma.Market.Data;
using Magma.Market.Errors;
using Magma.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Magma.Market.Accounts;

public sealed record Challenge(string Message, DateTime ExpiresAt);

/// <summary>
/// Registration without the admin: a node operator signs a one-time challenge with its node key in LND's
/// <c>signmessage</c> format. A valid signature proves control of the node; the account (created on first login)
/// may then post offers for that pubkey, and receives a fresh API key.
/// </summary>
public sealed class NodeLogin(SqliteDatabase database, AccountService accounts, TimeProvider time, IOptions<MarketOptions> options)
{
    public async Task<Challenge> CreateChallenge(string? pubkey)
    {
        var key = ParsePubkey(pubkey);
        var now = time.GetUtcNow().UtcDateTime;
        var challenge = new LoginChallenge
        {
            Id = Ids.New(now), Pubkey = key.ToHex(), CreatedAt = now, ExpiresAt = now + options.Value.LoginChallengeLifetime,
            Message = $"Sign in to Magma as {key.ToHex()}: {Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}",
        };
        await database.Write<MarketDbContext>(async db =>
        {
            db.LoginChallenges.Add(challenge);
            await db.SaveChangesAsync();
        });
        return new Challenge(challenge.Message, challenge.ExpiresAt);
    }

    public async Task<(Account Account, IssuedKey Key)> Login(string? pubkey, string? signature)
    {
        var key = ParsePubkey(pubkey);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var read = database.Read<MarketDbContext>())
        {
            var open = await read.LoginChallenges
                .Where(c => c.Pubkey == key.ToHex() && c.UsedAt == null && c.ExpiresAt > now)
                .ToListAsync();
            if (signature is null || !open.Any(c => MessageSigner.Verify(c.Message, signature, key)))
                throw new Payments.Errors.MagmaException(MarketErrors.InvalidSignature, "The signature does not prove control of this node (sign a fresh challenge).", "signature");
        }
        return await database.Write<MarketDbContext, (Account, IssuedKey)>(async db =>
        {
            // Consume every open challenge of the node: a signature cannot be replayed.
            var open = await db.LoginChallenges.Where(c => c.Pubkey == key.ToHex() && c.UsedAt == null).ToListAsync();
            if (!open.Any(c => c.ExpiresAt > now && MessageSigner.Verify(c.Message, signature!, key)))
                throw new Payments.Errors.MagmaException(MarketErrors.InvalidSignature, "The challenge was already used.", "signature");
            open.ForEach(c => c.UsedAt = now);
            var node = await db.AccountNodes.FirstOrDefaultAsync(n => n.Pubkey == key.ToHex());
            (Account Account, IssuedKey Key) result;
            if (node is null)
            {
                result = accounts.NewAccount(db, $"node {key.ToHex()[..12]}", AccountKind.Registered, AccountKeyKind.Api);
                db.AccountNodes.Add(new AccountNode { Pubkey = key.ToHex(), AccountId = result.Account.Id, VerifiedAt = now });
            }
            else
            {
                var account = await db.Accounts.FirstAsync(a => a.Id == node.AccountId);
                result = (account, accounts.NewKey(db, account.Id, AccountKeyKind.Api, "node login"));
                node.VerifiedAt = now;
            }
            await db.SaveChangesAsync();
            return result;
        });
    }

    private static PublicKey ParsePubkey(string? pubkey) =>
        PublicKey.TryParseHex(pubkey, out var key)
            ? key
            : throw MarketErrors.Invalid("pubkey must be a 33-byte compressed public key in hex.", "pubkey");
}
