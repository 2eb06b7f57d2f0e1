using Magma.GraphQL.Schema;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Transactions;
using Magma.Payments.Wallets;

namespace Magma.Api.GraphQL.Payments;

/// <summary>Environments, wallets and assets of the Rails schema.</summary>
public static class PaymentsResolvers
{
    public static SchemaBuilder AddPayments(this SchemaBuilder builder) => builder
        .Namespaces("Query.payment", "Mutation.payment", "PaymentQueries.environment", "PaymentQueries.wallet", "PaymentQueries.transaction",
            "PaymentMutations.environment", "PaymentMutations.wallet", "PaymentMutations.transaction", "Query.taproot_assets",
            "EnvironmentQueries.find_many", "WalletQueries.find_many")
        .Field("TaprootAssetQueries.list", (_, rc) =>
        {
            var catalog = rc.Get<AssetCatalog>();
            var sandbox = !rc.Get<EnvironmentNodes>().LiveAvailable;
            return Task.FromResult<object?>(catalog.List(includeSandbox: sandbox).Select(a => new AssetView(a, catalog.BtcUsdCents)).ToList());
        })
        .Field("FindManyEnvironments.list", async (_, rc) =>
            (await rc.Get<EnvironmentService>().List(rc.Payments)).Select(e => new EnvironmentView(e)).ToList())
        .Field("EnvironmentQueries.find_one", async (ctx, rc) =>
            new EnvironmentView(await rc.Get<EnvironmentService>().Get(rc.Payments, ctx.Argument<string>("id"))))
        .Field("PaymentsEnvironment.wallets", async (ctx, rc) =>
            await Wallets(rc, ((EnvironmentView)ctx.Parent!).Id))
        .Field("EnvironmentMutations.create", async (ctx, rc) =>
        {
            var input = ctx.Argument<CreateEnvironmentInput>("input");
            return new EnvironmentView(await rc.Get<EnvironmentService>().Create(rc.Payments, input.Name, input.Type));
        })
        .Field("EnvironmentMutations.delete", async (ctx, rc) => (object?)await rc.Get<EnvironmentService>().Delete(rc.Payments, ctx.Argument<string>("id")))
        .Field("FindManyWallets.list", async (ctx, rc) => await Wallets(rc, ctx.Argument<string?>("environment_id")))
        .Field("WalletQueries.find_one", async (ctx, rc) => View(rc, await rc.Get<WalletService>().Get(rc.Payments, ctx.Argument<string>("id"))))
        .Field("PaymentsWallet.balance", async (ctx, rc) => await Balance(rc, (WalletView)ctx.Parent!))
        .Field("PaymentsWallet.environment", async (ctx, rc) =>
            new EnvironmentView(await rc.Get<EnvironmentService>().Find(Magma.Payments.Access.Caller.AdminCaller, ((WalletView)ctx.Parent!).EnvironmentId)))
        .Field("WalletMutations.create", async (ctx, rc) =>
        {
            var input = ctx.Argument<CreateWalletInput>("input");
            return View(rc, (await rc.Get<WalletService>().Create(rc.Payments, input.EnvironmentId, input.Name, input.AssetId)).Wallet);
        })
        .Field("WalletMutations.delete", async (ctx, rc) => (object?)await rc.Get<WalletService>().Delete(rc.Payments, ctx.Argument<string>("id")));

    public static WalletView View(GraphQLRequestContext rc, Wallet wallet)
    {
        var catalog = rc.Get<AssetCatalog>();
        return new WalletView(wallet, new AssetView(catalog.Get(wallet.AssetId), catalog.BtcUsdCents));
    }

    private static async Task<object?> Wallets(GraphQLRequestContext rc, string? environmentId) =>
        (await rc.Get<WalletService>().List(rc.Payments, environmentId)).Select(w => View(rc, w)).ToList();

    /// <summary>Balances in the asset's public base unit: sats for BTC (wallets count msat), micro-units otherwise.</summary>
    private static async Task<BalanceView> Balance(GraphQLRequestContext rc, WalletView wallet)
    {
        var balance = await rc.Get<WalletService>().Balance(wallet.Id);
        var asset = wallet.AssetView.Asset;
        return new BalanceView(AmountFormat.BaseUnits(asset, balance.Balance), AmountFormat.BaseUnits(asset, balance.Received), AmountFormat.BaseUnits(asset, balance.Sent));
    }

    public sealed record CreateEnvironmentInput(string? Name, EnvironmentType Type);

    public sealed record CreateWalletInput(string? Name, string? EnvironmentId, string? AssetId);
}
