using Magma.Lightning.Bolt11;
using Magma.Lightning.Storage;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Errors;
using Magma.Payments.Lnbits;
using Magma.Payments.Transactions;

namespace Magma.Api.Lnbits;

/// <summary>
/// <c>POST /api/v1/payments</c> with <c>out: true</c> (LNbits' default): pays a BOLT11 invoice from the admin key's
/// wallet. The answer is 201 with the payment, still <c>pending</c> if it has not finished within
/// <c>Payments:SendWait</c>; a payment that failed is 520.
/// </summary>
internal static class LnbitsPayRoute
{
    public static async Task<IResult> Pay(LnbitsKey key, LnbitsBody body, SendService sends, AssetCatalog assets, SqliteDatabase database, CancellationToken cancellationToken)
    {
        key.EnsureAdmin();
        var bolt11 = body.Text("bolt11")?.Trim();
        if (string.IsNullOrEmpty(bolt11))
            throw LnbitsProblem.BadRequest("Missing BOLT11 invoice");
        var extra = body.Object("extra")?.ToJsonString();
        // A client retrying after a timeout must learn its payment went through, not get a second attempt recorded.
        if (Bolt11Decoder.Decode(bolt11) is { Success: true } decoded
            && await LnbitsPaymentLookup.Find(database, decoded.Invoice.PaymentHash, key.Wallet.Id, TransactionDirection.Send) is { Status: TransactionStatus.Completed or TransactionStatus.Pending } previous)
            throw LnbitsProblem.AlreadyPaying(previous.Status == TransactionStatus.Completed);

        PaymentTransaction tx;
        try
        {
            tx = await sends.Pay(key.Caller, new PaymentOrder(key.Wallet.Id, bolt11, Extra: extra), cancellationToken);
        }
        catch (MagmaException error)
        {
            throw LnbitsErrors.FromPayment(error);
        }
        if (tx.Status is TransactionStatus.Failed or TransactionStatus.Expired)
            throw LnbitsProblem.PaymentFailed($"Payment failed: {tx.Error ?? "the payment expired."}");
        return Results.Json(LnbitsPaymentView.Of(tx, assets), statusCode: StatusCodes.Status201Created);
    }
}
