using Magma.Api.Admin;
using Magma.Payments.Access;
using Magma.Payments.Environments;
using Magma.Payments.Wallets;

namespace Magma.Api.Lnbits;

/// <summary>Creating a wallet with its LNbits keys (admin token), and reading a wallet by its key.</summary>
internal static class LnbitsWalletRoutes
{
    /// <summary>The keys appear in this answer only: Magma stores their hashes.</summary>
    public static async Task<IResult> Create(HttpRequest request, AdminToken adminToken, WalletService wallets, EnvironmentService environments,
        CancellationToken cancellationToken)
    {
        LnbitsKey.RequireAdminToken(request, adminToken);
        var body = await LnbitsBody.Read(request, cancellationToken);
        var environmentId = body.Text("environment_id") ?? (await environments.EnsureDefaultSandbox(initialBalanceMsat: 0)).Id;
        var created = await wallets.Create(Caller.AdminCaller, environmentId, body.Text("name"), assetId: null, withKeys: true);
        return Results.Json(new
        {
            id = created.Wallet.Id,
            name = created.Wallet.Name,
            environment_id = created.Wallet.EnvironmentId,
            adminkey = created.Keys!.AdminKey,
            inkey = created.Keys.InvoiceKey,
        }, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>LNbits' wallet details; the balance is in msat, as LNbits gives it.</summary>
    public static async Task<IResult> Get(HttpRequest request, WalletService wallets)
    {
        var key = await LnbitsKey.Require(request, wallets);
        var balance = await wallets.Balance(key.Wallet.Id);
        return Results.Json(new { id = key.Wallet.Id, name = key.Wallet.Name, balance = balance.Balance });
    }
}
