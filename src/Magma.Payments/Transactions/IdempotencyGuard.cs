using Magma.Lightning.Storage;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Transactions;

/// <summary>
/// Claims a (wallet, idempotency key) pair by inserting the transaction; the unique index decides between
/// concurrent duplicates. A loser gets the original transaction once it is past its reservation, or
/// "A request with this idempotency_key is already in progress" while the winner is still working.
/// </summary>
internal static class IdempotencyGuard
{
    public const string InProgressMessage = "A request with this idempotency_key is already in progress";

    /// <summary>Null when the caller won the claim; otherwise the transaction that already owns the key.</summary>
    public static async Task<PaymentTransaction?> Claim(SqliteDatabase database, PaymentTransaction tx, Func<PaymentsDbContext, Task>? sameUnit = null)
    {
        try
        {
            // The single writer serializes units, so this look inside the unit is race-free; it runs before
            // sameUnit, whose checks (a balance reservation) must not turn a replay into a different answer.
            var owner = await database.Write<PaymentsDbContext, PaymentTransaction?>(async db =>
            {
                var existing = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.WalletId == tx.WalletId && t.IdempotencyKey == tx.IdempotencyKey);
                if (existing is not null)
                    return existing;
                db.Transactions.Add(tx);
                if (sameUnit is not null)
                    await sameUnit(db);
                await db.SaveChangesAsync();
                return null;
            });
            if (owner is null)
                return null;
            if (owner.Stage == TransactionStage.Reserved)
                throw new MagmaException(PaymentErrors.IdempotencyInProgress, InProgressMessage, "idempotency_key");
            return owner;
        }
        catch (Exception ex) when (SqliteErrors.IsUniqueViolation(ex))
        {
            await using var db = database.Read<PaymentsDbContext>();
            var existing = await db.Transactions.FirstOrDefaultAsync(t => t.WalletId == tx.WalletId && t.IdempotencyKey == tx.IdempotencyKey);
            if (existing is null)
                throw;
            if (existing.Stage == TransactionStage.Reserved)
                throw new MagmaException(PaymentErrors.IdempotencyInProgress, InProgressMessage, "idempotency_key");
            return existing;
        }
    }

    /// <summary>The transaction that already owns the key, past its reservation; null when the key is free.</summary>
    public static async Task<PaymentTransaction?> Existing(SqliteDatabase database, string walletId, string? key)
    {
        if (key is null)
            return null;
        await using var db = database.Read<PaymentsDbContext>();
        var existing = await db.Transactions.FirstOrDefaultAsync(t => t.WalletId == walletId && t.IdempotencyKey == key);
        if (existing is { Stage: TransactionStage.Reserved })
            throw new MagmaException(PaymentErrors.IdempotencyInProgress, InProgressMessage, "idempotency_key");
        return existing;
    }

    /// <summary>Gives the key back when the work behind a reservation failed before anything was issued.</summary>
    public static Task Release(SqliteDatabase database, string transactionId) =>
        database.Write<PaymentsDbContext>(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM transactions WHERE id = {transactionId} AND stage = 'Reserved'"));
}
