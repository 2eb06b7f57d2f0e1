using Magma.Api.Endpoints;
using Magma.Lightning.Storage;
using Magma.Payments.Assets;
using Magma.Payments.Environments;
using Magma.Payments.Transactions;
using Magma.Payments.Wallets;
using Magma.Payments.Webhooks;

namespace Magma.Api.Lnbits;

/// <summary>
/// The LNbits-style payments REST API (seed 004), with wallet keys in <c>X-Api-Key</c>. Every failure leaves through
/// <see cref="LnbitsErrors"/> as an LNbits <c>{"detail": …}</c> body. The fixed paths are mapped before
/// <c>{checking_id}</c>; routing also ranks literal segments above parameters.
/// </summary>
public sealed class LnbitsModule : IEndpointModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var payments = app.MapGroup("/api/v1/payments").WithTags("LNbits payments").AddEndpointFilter(LnbitsErrors.Translate);
        payments.MapPost("", Create);
        payments.MapGet("", LnbitsReadRoutes.List);
        payments.MapGet("/paginated", LnbitsReadRoutes.Paginated);
        payments.MapGet("/history", LnbitsStatsRoutes.History);
        payments.MapGet("/stats/count", LnbitsStatsRoutes.CountByTag);
        payments.MapGet("/stats/wallets", LnbitsStatsRoutes.Wallets);
        payments.MapGet("/stats/daily", LnbitsStatsRoutes.Daily);
        payments.MapPost("/decode", LnbitsDecodeRoute.Decode);
        payments.MapPost("/settle", LnbitsHoldRoutes.SettleWithPreimage);
        payments.MapPost("/cancel", LnbitsHoldRoutes.CancelWithHash);
        payments.MapGet("/{checking_id}", LnbitsReadRoutes.Status);
        payments.MapPut("/{checking_id}", LnbitsHoldRoutes.SettleStored);
        payments.MapDelete("/{checking_id}", LnbitsHoldRoutes.CancelById);

        var wallets = app.MapGroup("/api/v1").WithTags("LNbits wallets").AddEndpointFilter(LnbitsErrors.Translate);
        wallets.MapPost("/wallets", LnbitsWalletRoutes.Create);
        wallets.MapGet("/wallet", LnbitsWalletRoutes.Get);
    }

    /// <summary>
    /// One route, two operations, as in LNbits: <c>out</c> (default true) pays <c>bolt11</c>, <c>out: false</c> creates an
    /// invoice. The key is checked before the body, so a request without one is 401 whatever it carries.
    /// </summary>
    private static async Task<IResult> Create(HttpRequest request, WalletService wallets, InvoiceIssuer issuer, HoldInvoiceService holds,
        SendService sends, AssetCatalog assets, EnvironmentService environments, WebhookUrlPolicy webhookUrls, SqliteDatabase database, CancellationToken cancellationToken)
    {
        var key = await LnbitsKey.Require(request, wallets);
        var body = await LnbitsBody.Read(request, cancellationToken);
        return body.Bool("out") ?? true
            ? await LnbitsPayRoute.Pay(key, body, sends, assets, database, cancellationToken)
            : await LnbitsInvoiceRoute.Create(key, body, issuer, holds, assets, environments, webhookUrls, cancellationToken);
    }
}
