using Magma.Api.Admin;
using Magma.Payments.Access;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Wallets;

namespace Magma.Api.Lnbits;

/// <summary>The wallet an LNbits key opens, and whether it is that wallet's admin key.</summary>
internal sealed record LnbitsKey(Caller.WalletKey Caller, Wallet Wallet)
{
    public bool IsAdmin => Caller.IsAdminKey;

    /// <summary>The key from <c>X-Api-Key</c> (header names are case-insensitive) or the <c>api-key</c> query parameter.</summary>
    public static string? Presented(HttpRequest request)
    {
        var header = request.Headers["X-Api-Key"].ToString();
        if (!string.IsNullOrEmpty(header))
            return header;
        var query = request.Query["api-key"].ToString();
        return string.IsNullOrEmpty(query) ? null : query;
    }

    /// <summary>The invoice or admin key of a wallet, as LNbits' <c>require_invoice_key</c> checks it.</summary>
    public static async Task<LnbitsKey> Require(HttpRequest request, WalletService wallets)
    {
        var presented = Presented(request) ?? throw new LnbitsProblem(StatusCodes.Status401Unauthorized, "No Api Key provided.");
        var found = await wallets.AuthenticateKey(presented) ?? throw new LnbitsProblem(StatusCodes.Status404NotFound, "Wallet not found.");
        if (found.Wallet.AssetId != AssetCatalog.Btc.Id)
            throw LnbitsProblem.BadRequest("LNbits-style routes serve BTC wallets only.");
        return new LnbitsKey(found.Caller, found.Wallet);
    }

    /// <summary>The admin key: an invoice key is refused with 403, as LNbits' <c>require_admin_key</c> does.</summary>
    public static async Task<LnbitsKey> RequireAdmin(HttpRequest request, WalletService wallets)
    {
        var key = await Require(request, wallets);
        key.EnsureAdmin();
        return key;
    }

    /// <summary>A key when one is presented and valid; the optional-key routes treat anything else as no key.</summary>
    public static async Task<LnbitsKey?> Optional(HttpRequest request, WalletService wallets) =>
        await wallets.AuthenticateKey(Presented(request)) is { } found ? new LnbitsKey(found.Caller, found.Wallet) : null;

    public void EnsureAdmin()
    {
        if (!IsAdmin)
            throw new LnbitsProblem(StatusCodes.Status403Forbidden, "Invalid adminkey.");
    }

    /// <summary>The Magma admin token, for the routes LNbits reserves to a user or super-user.</summary>
    public static void RequireAdminToken(HttpRequest request, AdminToken adminToken)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
        if (!adminToken.IsValid(token))
            throw new LnbitsProblem(StatusCodes.Status401Unauthorized, "A valid admin token is required (Authorization: Bearer <token>).");
    }
}
