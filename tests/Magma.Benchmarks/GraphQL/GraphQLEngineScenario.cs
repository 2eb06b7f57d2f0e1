using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Magma.GraphQL.Execution;
using Magma.GraphQL.Schema;

namespace Magma.Benchmarks.GraphQL;

/// <summary>
/// In-process throughput of the GraphQL engine: a nested query with variables selecting ten fields over a list of
/// twenty objects, executed and serialised to JSON repeatedly. Usage: <c>graphql-engine [seconds]</c>.
/// </summary>
public sealed class GraphQLEngineScenario : IBenchmarkScenario
{
    private const string Sdl = """
        scalar DateTime
        type Query { market(id: ID!): Market }
        type Market { id: ID! name: String! offers(first: Int!): [Offer!]! }
        type Offer {
          id: ID!
          amount_sats: Int!
          fee_rate: Float!
          status: OfferStatus!
          created_at: DateTime!
          active: Boolean!
          tags: [String!]!
          seller: Seller!
        }
        type Seller { id: ID! alias: String! }
        enum OfferStatus { OPEN WAITING_FOR_SELLER_APPROVAL CLOSED }
        """;

    private const string Query = """
        query Market($id: ID!, $first: Int!) {
          market(id: $id) {
            id
            name
            offers(first: $first) { id amount_sats fee_rate status created_at active tags seller { id alias } }
          }
        }
        """;

    public string Name => "graphql-engine";

    public async Task<int> Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var market = new Market("m1", "Main market", Enumerable.Range(0, 20).Select(CreateOffer).ToArray());
        var schema = new SchemaBuilder()
            .AddSdl(Sdl)
            .ResolveValue("Query.market", c => c.Argument<string>("id") == market.Id ? market : null)
            .ResolveValue("Market.offers", c => ((Market)c.Parent!).Offers.Take(c.Argument<int>("first")))
            .Build();
        var executor = new GraphQLExecutor(schema);
        var request = new GraphQLRequest(Query, JsonDocument.Parse("""{"id":"m1","first":20}""").RootElement.Clone(), "Market");
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);

        await ExecuteOnce(executor, request, buffer);
        Console.WriteLine($"response: {buffer.WrittenCount} bytes");
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < Math.Min(1, seconds / 4))
            await ExecuteOnce(executor, request, buffer);

        var executions = 0L;
        var timer = Stopwatch.StartNew();
        while (executions % 64 != 0 || timer.Elapsed.TotalSeconds < seconds)
        {
            await ExecuteOnce(executor, request, buffer);
            executions++;
        }

        var perSecond = executions / timer.Elapsed.TotalSeconds;
        Console.WriteLine($"{executions} executions in {timer.Elapsed.TotalSeconds:0.00} s on one thread: {perSecond:0} executions/s");
        ResultLine.Write(Name, ("per_s", perSecond));
        return 0;
    }

    private static async Task ExecuteOnce(GraphQLExecutor executor, GraphQLRequest request, ArrayBufferWriter<byte> buffer)
    {
        var result = await executor.ExecuteAsync(request);
        if (result.Errors.Count > 0)
            throw new InvalidOperationException(result.Errors[0].Message);
        buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(buffer);
        result.WriteTo(writer);
    }

    private static Offer CreateOffer(int index) => new(
        $"offer-{index}",
        100_000 + index * 1_000,
        0.5 + index / 100.0,
        index % 3 == 0 ? OfferStatus.WaitingForSellerApproval : OfferStatus.Open,
        new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(index),
        index % 2 == 0,
        ["lightning", $"tag-{index}"],
        new Seller($"seller-{index % 5}", $"Seller {index % 5}"));

    private sealed record Market(string Id, string Name, Offer[] Offers);

    private sealed record Offer(
        string Id, long AmountSats, double FeeRate, OfferStatus Status, DateTimeOffset CreatedAt, bool Active, string[] Tags, Seller Seller);

    private sealed record Seller(string Id, string Alias);

    private enum OfferStatus
    {
        Open,
        WaitingForSellerApproval,
        Closed,
    }
}
