using System.Text.Json.Nodes;
using Magma.Lightning.Storage;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Lnbits;
using Magma.Payments.Wallets;
using Microsoft.AspNetCore.Mvc;

namespace Magma.Api.Lnbits;

/// <summary>Reading payments: one payment's status, and a wallet's list, plain or paginated.</summary>
internal static class LnbitsReadRoutes
{
    public const int DefaultLimit = 20;
    public const int MaxListLimit = 1000;
    public const int MaxPageLimit = 100;

    /// <summary>
    /// The key is optional: with the payment's own wallet key the answer carries <c>details</c>; without a key, or
    /// with another wallet's, only whether it is paid (and, once paid, the preimage, which is public by then).
    /// </summary>
    public static async Task<IResult> Status([FromRoute(Name = "checking_id")] string checkingId, HttpRequest request, WalletService wallets, SqliteDatabase database, AssetCatalog assets)
    {
        var key = await LnbitsKey.Optional(request, wallets);
        var tx = (key is null ? null : await LnbitsPaymentLookup.Find(database, checkingId, key.Wallet.Id))
            ?? await LnbitsPaymentLookup.Find(database, checkingId)
            ?? throw new LnbitsProblem(StatusCodes.Status404NotFound, "Payment does not exist.");
        var paid = tx.Status == TransactionStatus.Completed;
        var body = new JsonObject { ["paid"] = paid, ["status"] = LnbitsPaymentJson.Status(tx.Status) };
        if (paid)
            body["preimage"] = tx.Preimage;
        if (key is not null && key.Wallet.Id == tx.WalletId)
            body["details"] = LnbitsPaymentView.Of(tx, assets);
        return Results.Json(body);
    }

    public static async Task<IResult> List(HttpRequest request, WalletService wallets, SqliteDatabase database, AssetCatalog assets)
    {
        var key = await LnbitsKey.Require(request, wallets);
        var page = await Page(request, key, database, MaxListLimit);
        return Results.Json(new JsonArray(page.Data.Select(tx => (JsonNode)LnbitsPaymentView.Of(tx, assets)).ToArray()));
    }

    public static async Task<IResult> Paginated(HttpRequest request, WalletService wallets, SqliteDatabase database, AssetCatalog assets)
    {
        var key = await LnbitsKey.Require(request, wallets);
        var page = await Page(request, key, database, MaxPageLimit);
        return Results.Json(new JsonObject
        {
            ["data"] = new JsonArray(page.Data.Select(tx => (JsonNode)LnbitsPaymentView.Of(tx, assets)).ToArray()),
            ["total"] = page.Total,
        });
    }

    private static Task<LnbitsPaymentPage> Page(HttpRequest request, LnbitsKey key, SqliteDatabase database, int maxLimit)
    {
        var limit = LnbitsQuery.Integer(request, "limit", DefaultLimit, 1, maxLimit);
        var offset = LnbitsQuery.Integer(request, "offset", 0, 0, int.MaxValue);
        return LnbitsPaymentLookup.List(database, key.Wallet.Id, LnbitsQuery.Status(request), limit, offset);
    }
}
