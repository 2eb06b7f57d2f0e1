using Magma.Lightning.Crypto;
using Magma.Lightning.Storage;
using Magma.Payments.Data;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Lnbits;

public sealed record LnbitsPaymentPage(IReadOnlyList<PaymentTransaction> Data, int Total);

/// <summary>
/// Finds payments the way LNbits addresses them: by checking id (the payment hash, or <c>internal_&lt;hash&gt;</c>
/// for payments settled inside this node) and by wallet. Rows still being claimed by an idempotent request are
/// never shown.
/// </summary>
public static class LnbitsPaymentLookup
{
    private const string InternalPrefix = "internal_";

    /// <summary>The payment hash a checking id stands for, or null when it cannot be one.</summary>
    public static string? HashOf(string? checkingId)
    {
        var hash = checkingId is not null && checkingId.StartsWith(InternalPrefix, StringComparison.Ordinal)
            ? checkingId[InternalPrefix.Length..]
            : checkingId;
        return Hex.IsHex(hash, 32) ? hash!.ToLowerInvariant() : null;
    }

    /// <summary>
    /// The payment with this checking id, in <paramref name="walletId"/> when given. A completed payment wins over a
    /// pending one over a failed one, whatever its side: a failed attempt (a retry, or an internal send that lost to an
    /// outside payer) must not make an invoice that was paid look failed to a checkout polling by hash. Between sides
    /// in the same state (an internal payment), the outgoing one wins, as in LNbits, unless
    /// <paramref name="direction"/> picks a side.
    /// </summary>
    public static async Task<PaymentTransaction?> Find(SqliteDatabase database, string? checkingId, string? walletId = null, TransactionDirection? direction = null)
    {
        if (HashOf(checkingId) is not { } hash)
            return null;
        await using var db = database.Read<PaymentsDbContext>();
        var query = db.Transactions.Where(t => t.PaymentHash == hash && t.Stage != TransactionStage.Reserved);
        if (walletId is not null)
            query = query.Where(t => t.WalletId == walletId);
        if (direction is { } side)
            query = query.Where(t => t.Direction == side);
        var matches = await query.ToListAsync();
        return matches
            .OrderBy(t => t.Status switch { TransactionStatus.Completed => 0, TransactionStatus.Pending => 1, _ => 2 })
            .ThenBy(t => t.Direction == TransactionDirection.Send ? 0 : 1)
            .ThenByDescending(t => t.CreatedAt)
            .FirstOrDefault();
    }

    /// <summary>
    /// A wallet's payments, newest first. Without a status filter failed payments are left out, as LNbits' list
    /// does; <c>status=failed</c> asks for them.
    /// </summary>
    public static async Task<LnbitsPaymentPage> List(SqliteDatabase database, string walletId, LnbitsStatus? status, int limit, int offset)
    {
        await using var db = database.Read<PaymentsDbContext>();
        var query = db.Transactions.Where(t => t.WalletId == walletId && t.Stage != TransactionStage.Reserved);
        query = status switch
        {
            LnbitsStatus.Pending => query.Where(t => t.Status == TransactionStatus.Pending),
            LnbitsStatus.Success => query.Where(t => t.Status == TransactionStatus.Completed),
            LnbitsStatus.Failed => query.Where(t => t.Status == TransactionStatus.Failed || t.Status == TransactionStatus.Expired),
            _ => query.Where(t => t.Status == TransactionStatus.Pending || t.Status == TransactionStatus.Completed),
        };
        var total = await query.CountAsync();
        var data = await query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Skip(offset).Take(limit).ToListAsync();
        return new LnbitsPaymentPage(data, total);
    }
}
