using System.Globalization;
using Magma.GraphQL.Schema;
using Magma.Market.Accounts;
using Magma.Market.Offers;
using Magma.Market.Orders;
using Magma.Market.Pricing;
using Magma.Payments.Transactions;

namespace Magma.Api.GraphQL.Market;

/// <summary>The market: public price and book queries, offers for sellers, and order operations.</summary>
public static class MarketResolvers
{
    public static SchemaBuilder AddMarket(this SchemaBuilder builder) => builder
        .Namespaces("Query.market", "Mutation.market", "MarketQueries.liquidity", "MarketQueries.offer",
            "MarketMutations.offer", "MarketMutations.order", "MarketOrderMutations.seller")
        .Field("SimpleNode.alias", async (ctx, rc) =>
            await rc.NodeAliases.GetOrAdd(((SimpleNodeView)ctx.Parent!).Pubkey, pubkey => Alias(rc, pubkey, ctx.CancellationToken)))
        .Field("MarketLiquidityQueries.liquidity_per_usd", async (ctx, rc) => await rc.Get<LiquidityQuote>().PerUsd(ctx.CancellationToken))
        .Field("MarketOfferQueries.list", async (ctx, rc) =>
        {
            var page = TransactionQueries.CheckPage(ctx.Argument<Page?>("page") ?? Page.Default);
            var book = await rc.Get<OfferService>().Book();
            var caller = rc.MarketOrAnonymous;
            return new { total = book.Count, list = book.Skip(page.Offset).Take(page.Limit).Select(v => new OfferViewModel(v, caller)).ToList() };
        })
        .Field("MarketOfferQueries.depth", async (_, rc) =>
        {
            var book = await rc.Get<OfferService>().Book();
            return new
            {
                offers = book.Count,
                total_available = book.Sum(v => v.AvailableSat).ToString(CultureInfo.InvariantCulture),
                smallest_min_size = book.Count == 0 ? null : book.Min(v => v.Offer.MinSizeSat).ToString(CultureInfo.InvariantCulture),
                largest_max_size = book.Count == 0 ? null : book.Max(v => Math.Min(v.Offer.MaxSizeSat, v.AvailableSat)).ToString(CultureInfo.InvariantCulture),
            };
        })
        .Field("MarketOfferQueries.get_offer", async (ctx, rc) => new OfferViewModel(await rc.Get<OfferService>().Get(ctx.Argument<string>("offer_id")), rc.MarketOrAnonymous))
        .Field("MarketOfferQueries.mine", async (_, rc) =>
            (await rc.Get<OfferService>().Mine(rc.Market)).Select(v => new OfferViewModel(v, rc.Market)).ToList())
        .Field("MarketOfferMutations.create", async (ctx, rc) =>
            new { offer_id = (await rc.Get<OfferService>().Create(rc.Market, ctx.Argument<OfferArguments>("input").ToInput())).Id })
        .Field("MarketOfferMutations.update", async (ctx, rc) =>
        {
            var input = ctx.Argument<OfferArguments>("input");
            await rc.Get<OfferService>().Update(rc.Market, input.OfferId, input.ToInput());
            return new OfferViewModel(await rc.Get<OfferService>().Get(input.OfferId), rc.Market);
        })
        .Field("MarketOfferMutations.toggle", async (ctx, rc) =>
        {
            var offerId = ctx.Argument<OfferIdInput>("input").OfferId;
            await rc.Get<OfferService>().Toggle(rc.Market, offerId);
            return new OfferViewModel(await rc.Get<OfferService>().Get(offerId), rc.Market);
        })
        .AddOrderMutations();

    /// <summary>CreateOfferInput / UpdateOfferInput (fee and cap integers as GraphQL Ints).</summary>
    public sealed record OfferArguments(
        string? OfferId, string? Pubkey, string? TotalSize, string? MinSize, string? MaxSize, int? MinBlockLength, int? FeeRate, int? BaseFee,
        int? FeeRateCap, int? BaseFeeCap, Magma.Market.Data.OnchainPriority? OnchainPriority, int? OnchainMultiplier, List<OfferCondition>? Conditions)
    {
        public OfferInput ToInput() => new(Pubkey, TotalSize, MinSize, MaxSize, MinBlockLength, FeeRate, BaseFee, FeeRateCap, BaseFeeCap,
            OnchainPriority, OnchainMultiplier, Conditions);
    }

    public sealed record OfferIdInput(string? OfferId);

    // An unknown or unparsable pubkey simply has no alias: the order still shows what the buyer entered.
    private static async Task<string?> Alias(GraphQLRequestContext rc, string pubkey, CancellationToken cancellationToken)
    {
        if (!Magma.Lightning.Crypto.PublicKey.TryParseHex(pubkey, out var key))
            return null;
        var node = await rc.Get<Magma.Market.Escrow.MarketPlatform>().Node.GetNodeInfo(key, cancellationToken);
        return string.IsNullOrEmpty(node?.Alias) ? null : node.Alias;
    }
}
