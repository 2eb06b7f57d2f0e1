using Magma.Api.Admin;
using Magma.Lightning.Storage;
using Magma.Payments;
using Magma.Payments.Lnbits;
using Magma.Payments.Wallets;

namespace Magma.Api.Lnbits;

/// <summary>
/// History and statistics over successful payments, in the seed's shapes, with amounts in whole satoshis.
/// LNbits reserves the stats routes to a logged-in user; here the per-wallet ones take a wallet key, as the seed
/// says, and the cross-wallet one the Magma admin token.
/// </summary>
internal static class LnbitsStatsRoutes
{
    public static async Task<IResult> History(HttpRequest request, WalletService wallets, SqliteDatabase database)
    {
        var key = await LnbitsKey.Require(request, wallets);
        var group = request.Query["group"].ToString() switch
        {
            "" or "day" => LnbitsHistoryGroup.Day,
            "hour" => LnbitsHistoryGroup.Hour,
            "month" => LnbitsHistoryGroup.Month,
            _ => throw LnbitsProblem.BadRequest("Invalid group: use hour, day or month."),
        };
        var balance = (await wallets.Balance(key.Wallet.Id)).Balance;
        var history = LnbitsStatistics.History(await LnbitsSettledPayments.Load(database, key.Wallet.Id), group, balance);
        return Results.Json(history.Select(p => new
        {
            date = p.Date,
            income = Sats(p.IncomeMsat),
            spending = Sats(p.SpendingMsat),
            balance = Sats(p.BalanceMsat),
        }));
    }

    public static async Task<IResult> CountByTag(HttpRequest request, WalletService wallets, SqliteDatabase database)
    {
        var key = await LnbitsKey.Require(request, wallets);
        var counts = LnbitsStatistics.CountByTag(await LnbitsSettledPayments.Load(database, key.Wallet.Id));
        return Results.Json(counts.Select(c => new { tag = c.Tag, count = c.Count }));
    }

    public static async Task<IResult> Daily(HttpRequest request, WalletService wallets, SqliteDatabase database)
    {
        var key = await LnbitsKey.Require(request, wallets);
        var days = LnbitsStatistics.Daily(await LnbitsSettledPayments.Load(database, key.Wallet.Id));
        // total is the day's net movement; the LNbits breakdown comes alongside it.
        return Results.Json(days.Select(d => new
        {
            date = d.Date,
            count = d.Count,
            total = Sats(d.IncomeMsat - d.SpendingMsat),
            count_in = d.CountIn,
            count_out = d.CountOut,
            balance_in = Sats(d.IncomeMsat),
            balance_out = Sats(d.SpendingMsat),
            fee = Sats(d.FeeMsat),
        }));
    }

    public static async Task<IResult> Wallets(HttpRequest request, AdminToken adminToken, SqliteDatabase database)
    {
        LnbitsKey.RequireAdminToken(request, adminToken);
        var environment = request.Query["environment_id"].ToString();
        var stats = await LnbitsStatistics.PerWallet(database, environment.Length == 0 ? null : Ids.Require(environment, "environment_id"));
        return Results.Json(stats.Select(s => new
        {
            wallet_id = s.WalletId,
            wallet_name = s.WalletName,
            environment_id = s.EnvironmentId,
            total_income = Sats(s.IncomeMsat),
            total_spending = Sats(s.SpendingMsat),
            payment_count = s.PaymentCount,
        }));
    }

    private static long Sats(long msat) => msat / 1000;
}
