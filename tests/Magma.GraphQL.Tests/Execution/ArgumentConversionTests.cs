using Magma.GraphQL.Execution;
using Magma.GraphQL.Schema;

namespace Magma.GraphQL.Tests.Execution;

public class ArgumentConversionTests
{
    private const string Sdl = """
        scalar DateTime
        type Query { take(order: OrderInput!, amount: Int!, statuses: [Status!], when: DateTime): String }
        input OrderInput { amount_sats: Int! fee_rate: Float memo: String side: Status! lines: [LineInput!] }
        input LineInput { label: String! }
        enum Status { OPEN WAITING_FOR_SELLER_APPROVAL }
        """;

    private static async Task<ResolveContext> Capture(string arguments)
    {
        ResolveContext? captured = null;
        var schema = new SchemaBuilder().AddSdl(Sdl).ResolveValue("Query.take", c =>
        {
            captured = c;
            return "ok";
        }).Build();
        var result = await new GraphQLExecutor(schema).ExecuteAsync(new GraphQLRequest("{ take(" + arguments + ") }"));
        Assert.Empty(result.Errors);
        return captured!;
    }

    [Fact]
    public async Task BuildsRecordsFromInputObjectsThroughTheirConstructor()
    {
        var context = await Capture("order: { amount_sats: 5, memo: \"m\", side: WAITING_FOR_SELLER_APPROVAL, lines: [{ label: \"a\" }] }, amount: 1");

        var order = context.Argument<OrderRecord>("order");

        Assert.Equal(5, order.AmountSats);
        Assert.Null(order.FeeRate);
        Assert.Equal("m", order.Memo);
        Assert.Equal(Status.WaitingForSellerApproval, order.Side);
        Assert.Equal("a", Assert.Single(order.Lines!).Label);
    }

    [Fact]
    public async Task BuildsClassesFromInputObjectsThroughSettableProperties()
    {
        var context = await Capture("order: { amount_sats: 5, fee_rate: 0.5, side: OPEN }, amount: 1");

        var order = context.Argument<OrderClass>("order");

        Assert.Equal((5L, 0.5, Status.Open), (order.AmountSats, order.FeeRate, order.Side));
    }

    [Fact]
    public async Task ConvertsPrimitivesEnumListsAndInstants()
    {
        var context = await Capture("order: { amount_sats: 1, side: OPEN }, amount: 21, statuses: [OPEN, WAITING_FOR_SELLER_APPROVAL], when: \"2024-01-02T03:04:05Z\"");

        Assert.Equal(21L, context.Argument<long>("amount"));
        Assert.Equal(21, context.Argument<int>("amount"));
        Assert.Equal([Status.Open, Status.WaitingForSellerApproval], context.Argument<List<Status>>("statuses"));
        Assert.Equal([Status.Open, Status.WaitingForSellerApproval], context.Argument<Status[]>("statuses"));
        Assert.Equal(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), context.Argument<DateTime>("when"));
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), context.Argument<DateTimeOffset>("when"));
    }

    [Fact]
    public async Task GivesDefaultsForAbsentArguments()
    {
        var context = await Capture("order: { amount_sats: 1, side: OPEN }, amount: 2");

        Assert.False(context.HasArgument("statuses"));
        Assert.Null(context.Argument<List<Status>?>("statuses"));
        Assert.Null(context.Argument<DateTime?>("when"));
    }

    private sealed record OrderRecord(long AmountSats, double? FeeRate, string? Memo, Status Side, IReadOnlyList<LineRecord>? Lines);

    private sealed record LineRecord(string Label);

    private sealed class OrderClass
    {
        public long AmountSats { get; set; }

        public double? FeeRate { get; set; }

        public Status Side { get; set; }
    }

    private enum Status
    {
        Open,
        WaitingForSellerApproval,
    }
}
