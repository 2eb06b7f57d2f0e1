using Magma.GraphQL.Schema;
using Magma.Market.Accounts;
using Magma.Market.Orders;
using Magma.Payments.Transactions;

namespace Magma.Api.GraphQL.Market;

/// <summary>Buying, ordering from an offer, seller and buyer operations, and the account's order lists.</summary>
public static class OrderResolvers
{
    public static SchemaBuilder AddOrderMutations(this SchemaBuilder builder) => builder
        .Namespaces("Mutation.liquidity", "Query.user", "UserQueries.market", "UserMarketQueries.orders", "UserQueries.transactions")
        .Field("LiquidityMutations.buy", async (ctx, rc) =>
        {
            var input = ctx.Argument<BuyArguments>("input");
            var result = await rc.Get<OrderPlacement>().Buy(rc.MarketOrAnonymous, new LiquidityOrderInput(input.ConnectionUri, input.UsdCents, input.RedirectUrl,
                input.Options?.Private, input.Options?.RailsClusterOnly, input.Options?.AssetId), ctx.CancellationToken);
            var order = result.Order;
            return new
            {
                account = new { id = result.AccountId, session_key = result.SessionKey },
                order = new { transaction_id = order.Id, usd_cents = input.UsdCents },
                payment = new
                {
                    lightning_invoice = order.BuyerInvoice,
                    redirect_url = order.RedirectUrl ?? $"{rc.PublicBaseUrl}/checkout/{order.Id}",
                    amount = new { sats = order.BuyerAmountSat.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                },
            };
        })
        .Field("MarketOrderMutations.create", async (ctx, rc) =>
        {
            var input = ctx.Argument<ManualOrderArguments>("input");
            var result = await rc.Get<OrderPlacement>().FromOffer(rc.Market, input.OfferId, input.Size, input.ConnectionUri, input.Private, ctx.CancellationToken);
            return new OrderView(result.Order, rc.Market);
        })
        .Field("MarketOrderMutations.cancel", async (ctx, rc) => Success(await Run(() => rc.Get<BuyerAndAdminOperations>().Cancel(rc.Market, OrderId(ctx)))))
        .Field("MarketOrderMutations.close", async (ctx, rc) =>
            Success(await Run(() => rc.Get<BuyerAndAdminOperations>().Close(rc.Market, OrderId(ctx), ctx.Argument<CloseArguments>("input").Reason))))
        .Field("SellerOrderMutations.accept", async (ctx, rc) =>
        {
            var input = ctx.Argument<AcceptArguments>("input");
            return Success(await Run(() => rc.Get<SellerOperations>().Accept(rc.Market, input.OrderId, input.PaymentRequest, ctx.CancellationToken)));
        })
        .Field("SellerOrderMutations.reject", async (ctx, rc) => Success(await Run(() => rc.Get<SellerOperations>().Reject(rc.Market, OrderId(ctx)))))
        .Field("SellerOrderMutations.add_transaction", async (ctx, rc) =>
        {
            var input = ctx.Argument<TransactionArguments>("input");
            return Success(await Run(() => rc.Get<SellerOperations>().AddTransaction(rc.Market, input.OrderId, input.TxId)));
        })
        .Field("UserOrderQueries.get_order", async (ctx, rc) => new OrderView(await rc.Get<OrderQueries>().Get(rc.Market, ctx.Argument<string>("order_id")), rc.Market))
        .Field("UserOrderQueries.purchases", async (ctx, rc) => List(rc, await rc.Get<OrderQueries>().Purchases(rc.Market, ctx.Argument<Page?>("page"))))
        .Field("UserOrderQueries.sales", async (ctx, rc) =>
            List(rc, await rc.Get<OrderQueries>().Sales(rc.Market, ctx.Argument<Page?>("page"), ctx.Argument<StatusFilter?>("input")?.Status)))
        .Field("UserTransactionQueries.transaction_list", async (ctx, rc) =>
        {
            var page = await rc.Get<OrderQueries>().Purchases(rc.Market, ctx.Argument<Page?>("page"));
            return new { total = page.Total, list = page.List.Select(o => new { id = o.Id, status = o.Status, created_at = o.CreatedAt }).ToList() };
        })
        .Field("MarketOrder.events", async (ctx, rc) => (await rc.Get<OrderQueries>().Timeline(rc.Market, ((OrderView)ctx.Parent!).Order))
            .Select(e => new
            {
                from_status = e.FromStatus, to_status = e.ToStatus, trigger = e.Trigger, payment_status = e.PaymentStatus,
                message = e.Message, details = e.Details, seller_detail = e.SellerDetail, created_at = e.CreatedAt,
            }).ToList())
        .Field("MarketOrder.blocks_until_can_be_closed", async (ctx, rc) =>
        {
            var order = ((OrderView)ctx.Parent!).Order;
            if (order.MonitoringEndHeight is not { } end)
                return null;
            return (object?)Math.Max(0, end - await rc.Get<Magma.Market.Escrow.MarketPlatform>().Node.GetBlockHeight(ctx.CancellationToken));
        });

    private static object List(GraphQLRequestContext rc, OrderPage page) => new { total = page.Total, list = page.List.Select(o => new OrderView(o, rc.Market)).ToList() };

    private static string? OrderId(Magma.GraphQL.Execution.ResolveContext ctx) => ctx.Argument<OrderIdArguments>("input").OrderId;

    private static async Task<bool> Run(Func<Task> operation)
    {
        await operation();
        return true;
    }

    private static object Success(bool success) => new { success };

    public sealed record BuyOptions(bool? Private, bool? RailsClusterOnly, string? AssetId);

    public sealed record BuyArguments(string? ConnectionUri, string? UsdCents, string? RedirectUrl, BuyOptions? Options);

    public sealed record ManualOrderArguments(string? OfferId, string? Size, string? ConnectionUri, bool? Private);

    public sealed record OrderIdArguments(string? OrderId);

    public sealed record CloseArguments(string? OrderId, string? Reason);

    public sealed record AcceptArguments(string? OrderId, string? PaymentRequest);

    public sealed record TransactionArguments(string? OrderId, string? TxId);

    public sealed record StatusFilter(OrderStatus? Status);
}
