using System.Text.Json.Nodes;
using Magma.Lightning.Storage;
using Magma.Payments.Data;
using Magma.Payments.Lnbits;
using Magma.Payments.Transactions;
using Magma.Payments.Wallets;
using Microsoft.AspNetCore.Mvc;

namespace Magma.Api.Lnbits;

/// <summary>
/// Settling and cancelling hold invoices, admin key only. The seed's <c>PUT</c>/<c>DELETE /api/v1/payments/{checking_id}</c>
/// serve holds created with <c>hold: true</c> (the server releases the preimage it kept; <c>DELETE</c> serves every hold).
/// LNbits' <c>POST /settle</c> and <c>/cancel</c> serve holds whose preimage the caller kept.
/// </summary>
internal static class LnbitsHoldRoutes
{
    public static async Task<IResult> SettleStored([FromRoute(Name = "checking_id")] string checkingId, HttpRequest request, WalletService wallets, SqliteDatabase database,
        HoldInvoiceService holds, CancellationToken cancellationToken)
    {
        var key = await LnbitsKey.RequireAdmin(request, wallets);
        var hold = await FindHold(database, key, checkingId);
        if (hold.Preimage is null)
            throw LnbitsProblem.BadRequest("The preimage of this hold invoice is kept by its creator: settle it with POST /api/v1/payments/settle {\"preimage\": …}.");
        Settled(await holds.Settle(key.Caller, hold.Preimage, cancellationToken));
        return Results.Json(new { detail = "Payment settled" });
    }

    public static async Task<IResult> CancelById([FromRoute(Name = "checking_id")] string checkingId, HttpRequest request, WalletService wallets, SqliteDatabase database,
        HoldInvoiceService holds, CancellationToken cancellationToken)
    {
        var key = await LnbitsKey.RequireAdmin(request, wallets);
        var hold = await FindHold(database, key, checkingId);
        await holds.Cancel(key.Caller, hold.PaymentHash, cancellationToken);
        return Results.Json(new { detail = "Payment cancelled" });
    }

    public static async Task<IResult> SettleWithPreimage(HttpRequest request, WalletService wallets, HoldInvoiceService holds, CancellationToken cancellationToken)
    {
        var key = await LnbitsKey.RequireAdmin(request, wallets);
        var body = await LnbitsBody.Read(request, cancellationToken);
        var tx = Settled(await holds.Settle(key.Caller, body.Text("preimage"), cancellationToken));
        return Results.Json(InvoiceResponse(tx, "Payment settled", tx.Preimage));
    }

    public static async Task<IResult> CancelWithHash(HttpRequest request, WalletService wallets, HoldInvoiceService holds, CancellationToken cancellationToken)
    {
        var key = await LnbitsKey.RequireAdmin(request, wallets);
        var body = await LnbitsBody.Read(request, cancellationToken);
        var tx = await holds.Cancel(key.Caller, body.Text("payment_hash"), cancellationToken);
        return Results.Json(InvoiceResponse(tx, "Payment cancelled", preimage: null));
    }

    private static async Task<PaymentTransaction> FindHold(SqliteDatabase database, LnbitsKey key, string checkingId)
    {
        var tx = await LnbitsPaymentLookup.Find(database, checkingId, key.Wallet.Id, TransactionDirection.Receive)
            ?? throw new LnbitsProblem(StatusCodes.Status404NotFound, "Payment does not exist.");
        if (!tx.IsHold)
            throw LnbitsProblem.BadRequest("This payment is not a hold invoice.");
        return tx;
    }

    /// <summary>The node settled the HTLC; should the receive somehow not show it yet, say so rather than claim success.</summary>
    private static PaymentTransaction Settled(PaymentTransaction tx) =>
        tx.Status == TransactionStatus.Completed
            ? tx
            : throw new LnbitsProblem(LnbitsProblem.PaymentError, "The hold invoice was settled on the node; the payment is still being recorded.", "pending");

    /// <summary>The fields of LNbits' <c>InvoiceResponse</c>, as an object, plus the seed-style <c>detail</c>.</summary>
    private static JsonObject InvoiceResponse(PaymentTransaction tx, string detail, string? preimage) => new()
    {
        ["detail"] = detail,
        ["ok"] = true,
        ["checking_id"] = LnbitsPaymentJson.CheckingId(tx),
        ["payment_request"] = tx.PaymentRequest,
        ["preimage"] = preimage,
        ["error_message"] = null,
        ["fee_msat"] = 0,
    };
}
