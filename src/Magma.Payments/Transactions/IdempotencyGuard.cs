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
            await database.Write<PaymentsDbContext>(async db =>
            {
                db.Transactions.Add(tx);
                if (sameUnit is not null)
                    await sameUnit(db);
                await db.SaveChangesAsync();
            });
            return null;
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

    /// <summary>Gives the key back when the work behind a reservation failed before anything was issued.</summary>
    public static Task Release(SqliteDatabase database, string transactionId) =>
        database.Write<PaymentsDbContext>(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM transactions WHERE id = {transactionId} AND stage = 'Reserved'"));
}
