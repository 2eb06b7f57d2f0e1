using Magma.GraphQL.Schema;
using Magma.Payments.Assets;
using Magma.Payments.Data;
using Magma.Payments.Transactions;

namespace Magma.Api.GraphQL.Payments;

/// <summary>create_receive, create_send, find_one and find_many.</summary>
public static class TransactionResolvers
{
    public static SchemaBuilder AddTransactions(this SchemaBuilder builder) => builder
        .Field("TransactionMutations.create_receive", async (ctx, rc) =>
            View(rc, await rc.Get<ReceiveService>().CreateReceive(rc.Payments, ctx.Argument<ReceiveInput>("input"), ctx.CancellationToken)))
        .Field("TransactionMutations.create_send", async (ctx, rc) =>
            View(rc, await rc.Get<SendService>().CreateSend(rc.Payments, ctx.Argument<SendInput>("input"), ctx.CancellationToken)))
        .Field("TransactionQueries.find_one", async (ctx, rc) =>
            View(rc, await rc.Get<TransactionQueries>().FindOne(rc.Payments, ctx.Argument<string>("id"))))
        .Field("TransactionQueries.find_many", async (ctx, rc) =>
        {
            var page = await rc.Get<TransactionQueries>().FindMany(rc.Payments, ctx.Argument<ListTransactionsInput>("input"));
            return new
            {
                list = page.List.Select(t => View(rc, t)).ToList(),
                pagination = new { limit = (double)page.Page.Limit, offset = (double)page.Page.Offset },
                total_count = page.TotalCount,
            };
        })
        .Field("PaymentsTransaction.events", async (ctx, rc) =>
            (await rc.Get<TransactionQueries>().Events(((TransactionView)ctx.Parent!).Id))
                .Select(e => new TransactionEventView(e.EventType, e.Message, e.Details, e.CreatedAt)).ToList());

    public static TransactionView View(GraphQLRequestContext rc, PaymentTransaction tx)
    {
        var catalog = rc.Get<AssetCatalog>();
        return new TransactionView(tx, catalog.Get(tx.AssetId), catalog.BtcUsdCents);
    }
}
