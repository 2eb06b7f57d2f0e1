using Magma.Lightning.Storage;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Ledger;

/// <summary>
/// Ledger postings. They run inside a unit of the single writer, so the balance read and the reservation
/// that depends on it cannot interleave with another send: a wallet never goes negative. The unique index on
/// (transaction, kind) makes each posting happen at most once, however often a settlement is handled.
/// </summary>
public static class Ledger
{
    /// <summary>The saved balance plus postings added in this unit but not saved yet.</summary>
    public static async Task<long> Available(PaymentsDbContext db, string walletId)
    {
        var saved = await db.LedgerEntries.Where(e => e.WalletId == walletId).SumAsync(e => (long?)e.Amount) ?? 0;
        var unsaved = db.Added<LedgerEntry>().Where(e => e.WalletId == walletId).Sum(e => e.Amount);
        return saved + unsaved;
    }

    /// <summary>Holds back <paramref name="amount"/> for a send, or fails with insufficient balance.</summary>
    public static async Task Reserve(PaymentsDbContext db, PaymentTransaction tx, long amount, DateTime now)
    {
        var available = await Available(db, tx.WalletId);
        if (available < amount)
            throw new MagmaException(PaymentErrors.InsufficientBalance, $"Insufficient balance: {amount} needed, {available} available.");
        Post(db, tx, LedgerEntryKind.Reserve, -amount, now);
    }

    public static void Post(PaymentsDbContext db, PaymentTransaction tx, LedgerEntryKind kind, long amount, DateTime now) =>
        db.LedgerEntries.Add(new LedgerEntry { WalletId = tx.WalletId, TransactionId = tx.Id, Kind = kind, Amount = amount, CreatedAt = now });
}
