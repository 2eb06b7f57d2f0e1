using System.Text.Json;
using Magma.Lightning.Storage;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Microsoft.EntityFrameworkCore;

namespace Magma.Payments.Lnbits;

/// <summary>
/// A successful payment reduced to what the LNbits statistics need, in msat. <see cref="AmountMsat"/> is what a
/// receive credited or what a send paid to the payee; the send's routing fee is apart.
/// </summary>
public sealed record SettledPayment(string WalletId, bool Incoming, long AmountMsat, long FeeMsat, DateTime At, string? Tag)
{
    /// <summary>What left the wallet: the amount plus the fee, as LNbits counts spending.</summary>
    public long SpentMsat => Incoming ? 0 : AmountMsat + FeeMsat;

    public long IncomeMsat => Incoming ? AmountMsat : 0;
}

public static class LnbitsSettledPayments
{
    /// <summary>Successful payments of one wallet, or of every wallet when <paramref name="walletId"/> is null.</summary>
    public static async Task<IReadOnlyList<SettledPayment>> Load(SqliteDatabase database, string? walletId)
    {
        await using var db = database.Read<PaymentsDbContext>();
        var query = db.Transactions.Where(t => t.Status == TransactionStatus.Completed);
        if (walletId is not null)
            query = query.Where(t => t.WalletId == walletId);
        var rows = await query
            .Select(t => new { t.WalletId, t.Direction, t.AssetId, t.AmountMsat, t.FeeMsat, t.SettleAmount, t.SettledAt, t.CreatedAt, t.Extra })
            .ToListAsync();
        return rows.Select(r => new SettledPayment(
            r.WalletId,
            r.Direction == TransactionDirection.Receive,
            // A BTC receive may have been overpaid; the credited amount is what counts.
            r.Direction == TransactionDirection.Receive && r.AssetId == AssetCatalog.Btc.Id && r.SettleAmount is { } credited ? credited : r.AmountMsat,
            r.FeeMsat,
            r.SettledAt ?? r.CreatedAt,
            TagOf(r.Extra))).ToList();
    }

    /// <summary>LNbits takes a payment's tag from <c>extra.tag</c>.</summary>
    public static string? TagOf(string? extra)
    {
        if (extra is null)
            return null;
        try
        {
            using var document = JsonDocument.Parse(extra);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("tag", out var tag) && tag.ValueKind == JsonValueKind.String
                ? tag.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
