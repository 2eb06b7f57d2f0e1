using System.Globalization;
using Magma.Lightning.Storage;
using Magma.Payments.Data;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Lnbits;

public enum LnbitsHistoryGroup { Hour, Day, Month }

/// <summary>One period of a wallet's history; <see cref="BalanceMsat"/> is the wallet balance at the period's end.</summary>
public sealed record LnbitsPeriod(string Date, long IncomeMsat, long SpendingMsat, long BalanceMsat);

public sealed record LnbitsTagCount(string? Tag, int Count);

public sealed record LnbitsDay(string Date, int CountIn, int CountOut, long IncomeMsat, long SpendingMsat, long FeeMsat)
{
    public int Count => CountIn + CountOut;
}

public sealed record LnbitsWalletStats(string WalletId, string WalletName, string EnvironmentId, long IncomeMsat, long SpendingMsat, int PaymentCount);

/// <summary>
/// The aggregates behind LNbits' history and stats routes, over successful payments only: a pending or failed
/// payment moved no money. Periods are UTC and come newest first.
/// </summary>
public static class LnbitsStatistics
{
    public static IReadOnlyList<LnbitsPeriod> History(IEnumerable<SettledPayment> payments, LnbitsHistoryGroup group, long currentBalanceMsat)
    {
        var periods = payments
            .GroupBy(p => Label(p.At, group))
            .OrderByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Date: g.Key, Income: g.Sum(p => p.IncomeMsat), Spending: g.Sum(p => p.SpentMsat)))
            .ToList();
        // Walking back from today's balance gives each period's closing balance without replaying the ledger.
        var balance = currentBalanceMsat;
        var history = new List<LnbitsPeriod>(periods.Count);
        foreach (var period in periods)
        {
            history.Add(new LnbitsPeriod(period.Date, period.Income, period.Spending, balance));
            balance -= period.Income - period.Spending;
        }
        return history;
    }

    public static IReadOnlyList<LnbitsTagCount> CountByTag(IEnumerable<SettledPayment> payments) =>
        payments
            .GroupBy(p => p.Tag)
            .Select(g => new LnbitsTagCount(g.Key, g.Count()))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Tag, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<LnbitsDay> Daily(IEnumerable<SettledPayment> payments) =>
        payments
            .GroupBy(p => Label(p.At, LnbitsHistoryGroup.Day))
            .OrderByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LnbitsDay(
                g.Key,
                g.Count(p => p.Incoming),
                g.Count(p => !p.Incoming),
                g.Sum(p => p.IncomeMsat),
                g.Sum(p => p.SpentMsat),
                g.Where(p => !p.Incoming).Sum(p => p.FeeMsat)))
            .ToList();

    /// <summary>Every live wallet, in <paramref name="environmentId"/> when given, with its payment totals.</summary>
    public static async Task<IReadOnlyList<LnbitsWalletStats>> PerWallet(SqliteDatabase database, string? environmentId)
    {
        List<Wallet> wallets;
        await using (var db = database.Read<PaymentsDbContext>())
        {
            var query = db.Wallets.Where(w => w.DeletedAt == null);
            if (environmentId is not null)
                query = query.Where(w => w.EnvironmentId == environmentId);
            wallets = await query.OrderBy(w => w.CreatedAt).ToListAsync();
        }
        var byWallet = (await LnbitsSettledPayments.Load(database, walletId: null)).ToLookup(p => p.WalletId);
        return wallets.Select(w => new LnbitsWalletStats(
            w.Id, w.Name, w.EnvironmentId,
            byWallet[w.Id].Sum(p => p.IncomeMsat),
            byWallet[w.Id].Sum(p => p.SpentMsat),
            byWallet[w.Id].Count())).ToList();
    }

    public static string Label(DateTime at, LnbitsHistoryGroup group)
    {
        var utc = at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at;
        return group switch
        {
            LnbitsHistoryGroup.Hour => utc.ToString("yyyy-MM-dd'T'HH':00:00Z'", CultureInfo.InvariantCulture),
            LnbitsHistoryGroup.Month => utc.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }
}
