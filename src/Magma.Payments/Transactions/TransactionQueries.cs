using Magma.Lightning.Storage;
using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Transactions;

public sealed record DateRange(DateTime? From, DateTime? To);

public sealed record TransactionFilter(DateRange? DateRange, TransactionDirection? Direction, TransactionStatus? Status);

public sealed record Page(int Limit, int Offset)
{
    public const int MaxLimit = 100;

    public static Page Default { get; } = new(50, 0);
}

public sealed record ListTransactionsInput(string? EnvironmentId, string? WalletId, TransactionFilter? Filter, Page? Page);

public sealed record TransactionPage(IReadOnlyList<PaymentTransaction> List, int TotalCount, Page Page);

/// <summary><c>find_one</c> and <c>find_many</c>, scoped to what the caller may see.</summary>
public sealed class TransactionQueries(SqliteDatabase database)
{
    public async Task<PaymentTransaction> FindOne(Caller caller, string? id)
    {
        caller.Require(PermissionResource.Payments, PermissionLevel.Read);
        var transactionId = Ids.Require(id, "id");
        await using var db = database.Read<PaymentsDbContext>();
        var tx = await db.Transactions.FirstOrDefaultAsync(t => t.Id == transactionId);
        if (tx is null || !caller.CanSeeWallet(tx.EnvironmentId, tx.WalletId) || tx.Stage == TransactionStage.Reserved)
            throw new MagmaException(PaymentErrors.TransactionNotFound, "Transaction not found.");
        return tx;
    }

    public async Task<IReadOnlyList<TransactionEvent>> Events(string transactionId)
    {
        await using var db = database.Read<PaymentsDbContext>();
        return await db.TransactionEvents.Where(e => e.TransactionId == transactionId).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>
    /// <c>wallet_id</c> and <c>environment_id</c> are mutually exclusive scopes; a scoped credential may omit both.
    /// The date range includes <c>from</c> and excludes <c>to</c>. Newest first.
    /// </summary>
    public async Task<TransactionPage> FindMany(Caller caller, ListTransactionsInput input)
    {
        caller.Require(PermissionResource.Payments, PermissionLevel.Read);
        if (input.EnvironmentId is not null && input.WalletId is not null)
            throw PaymentErrors.Invalid("wallet_id and environment_id are mutually exclusive.", "wallet_id");
        var page = CheckPage(input.Page ?? Page.Default);

        await using var db = database.Read<PaymentsDbContext>();
        var query = db.Transactions.Where(t => t.Stage != TransactionStage.Reserved);
        if (input.WalletId is not null)
        {
            var walletId = Ids.Require(input.WalletId, "wallet_id");
            var wallet = await db.Wallets.FirstOrDefaultAsync(w => w.Id == walletId && w.DeletedAt == null);
            if (wallet is null || !caller.CanSeeWallet(wallet.EnvironmentId, wallet.Id))
                throw new MagmaException(PaymentErrors.WalletNotFound, "Wallet not found.");
            query = query.Where(t => t.WalletId == walletId);
        }
        else
        {
            var environmentId = input.EnvironmentId is not null ? Ids.Require(input.EnvironmentId, "environment_id") : caller.ScopedEnvironmentId()
                ?? throw PaymentErrors.Invalid("environment_id or wallet_id is required.", "environment_id");
            if (!caller.CanSeeEnvironment(environmentId))
                throw new MagmaException(PaymentErrors.EnvironmentNotFound, "Environment not found.");
            query = query.Where(t => t.EnvironmentId == environmentId);
            if (caller is Caller.ServiceKey { WalletId: { } scopedWallet })
                query = query.Where(t => t.WalletId == scopedWallet);
            if (caller is Caller.WalletKey walletKey)
                query = query.Where(t => t.WalletId == walletKey.WalletId);
        }

        query = Filter(query, input.Filter);
        var total = await query.CountAsync();
        var list = await query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Skip(page.Offset).Take(page.Limit).ToListAsync();
        return new TransactionPage(list, total, page);
    }

    private static IQueryable<PaymentTransaction> Filter(IQueryable<PaymentTransaction> query, TransactionFilter? filter)
    {
        if (filter?.Direction is { } direction)
            query = query.Where(t => t.Direction == direction);
        if (filter?.Status is { } status)
            query = query.Where(t => t.Status == status);
        if (filter?.DateRange?.From is { } from)
        {
            var fromUtc = AsUtc(from);
            query = query.Where(t => t.CreatedAt >= fromUtc);
        }
        if (filter?.DateRange?.To is { } to)
        {
            var toUtc = AsUtc(to);
            query = query.Where(t => t.CreatedAt < toUtc);
        }
        return query;
    }

    // A time written without an offset means UTC here, as everywhere in the API, never the server's local zone.
    private static DateTime AsUtc(DateTime time) =>
        time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime();

    public static Page CheckPage(Page page)
    {
        if (page.Limit is < 1 or > Page.MaxLimit)
            throw PaymentErrors.Invalid($"page.limit must be between 1 and {Page.MaxLimit}.", "page.limit");
        if (page.Offset < 0)
            throw PaymentErrors.Invalid("page.offset must not be negative.", "page.offset");
        return page;
    }
}
