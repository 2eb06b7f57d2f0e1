using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Magma.Benchmarks.Load;
using Magma.Lightning.Storage;
using Magma.Market.Accounts;
using Magma.Market.Data;
using Microsoft.EntityFrameworkCore;

namespace Magma.Benchmarks.GraphQL;

// get_order through GraphQL (user.market.orders.get_order, the seed's GetOrder query plus the fields LSPS1's
// answer also carries) and through LSPS1 REST (GET /api/v1/get_order), over the same orders, with the same 32
// clients, in the same run against the real host. GraphQL authenticates as the house seller with an API key;
// LSPS1 needs no credential, so GraphQL also pays for a key lookup. The two alternate in rounds so a burst of
// load on the machine hits both sides alike.
public sealed class GraphQLGetOrderScenario : IBenchmarkScenario
{
    private const int Clients = 32;
    private const int Orders = 200;
    private const int Rounds = 2;
    private const string ClientNode = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";

    private const string GetOrderQuery = """
        query GetOrder($orderId: String!) {
          user {
            market {
              orders {
                get_order(order_id: $orderId) {
                  id
                  status
                  payment_status
                  channel_id
                  transaction_id
                  confirmations { confirmations }
                  size
                  created_at
                  fees { buyer { sats } }
                  payment { lightning { invoice } }
                }
              }
            }
          }
        }
        """;

    public string Name => "graphql";

    public async Task<int> Run(string[] args)
    {
        var seconds = args.Length > 0 && int.TryParse(args[0], out var s) ? s : 10;
        var round = TimeSpan.FromSeconds(seconds / (double)Rounds);
        var data = Directory.CreateTempSubdirectory("magma-graphql-bench-").FullName;
        try
        {
            await using var host = await BenchmarkHost.Start(data);
            using var http = host.Client(Clients * 2);
            Console.WriteLine($"Creating {Orders} LSPS1 orders ...");
            var ids = new List<string>();
            for (var i = 0; i < Orders; i++)
                ids.Add(await CreateOrder(http));
            var key = await HouseSellerKey(host);
            var graphql = (Func<int, Task<bool>>)(i => GetByGraphQL(http, key, ids[i % ids.Count]));
            var rest = (Func<int, Task<bool>>)(i => LoadReport.Get(http, $"/api/v1/get_order?order_id={ids[i % ids.Count]}"));

            Console.WriteLine("Warming up ...");
            await LoadRunner.Run(Clients, TimeSpan.FromSeconds(3), graphql);
            await LoadRunner.Run(Clients, TimeSpan.FromSeconds(3), rest);

            var restRounds = new List<LoadResult>();
            var graphqlRounds = new List<LoadResult>();
            for (var r = 0; r < Rounds; r++)
            {
                restRounds.Add(await LoadRunner.Run(Clients, round, rest));
                graphqlRounds.Add(await LoadRunner.Run(Clients, round, graphql));
            }
            var restRate = Combined(restRounds);
            var graphqlRate = Combined(graphqlRounds);
            Console.WriteLine(LoadReport.Line("LSPS1 REST get_order", restRate, restRounds[^1]));
            Console.WriteLine(LoadReport.Line("GraphQL get_order", graphqlRate, graphqlRounds[^1]));
            var ratio = graphqlRate / restRate;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  graphql / rest = {ratio:0.00} (goal >= 0.5)"));
            ResultLine.Write("graphql", ("graphql_per_s", graphqlRate), ("rest_per_s", restRate), ("ratio", ratio));
            return restRounds.Concat(graphqlRounds).Sum(l => l.Failures) == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    // Requests over all rounds divided by their total time, so a longer round does not weigh less.
    private static double Combined(IReadOnlyList<LoadResult> rounds) =>
        rounds.Sum(r => r.Requests) / rounds.Sum(r => r.Requests / r.PerSecond);

    private static async Task<string> CreateOrder(HttpClient http)
    {
        const string body = "{\"lsp_balance_sat\":\"100000\",\"client_balance_sat\":\"0\",\"required_channel_confirmations\":3,"
            + "\"funding_confirms_within_blocks\":6,\"channel_expiry_blocks\":13140,\"announce_channel\":false,\"public_key\":\"" + ClientNode + "\"}";
        using var response = await http.PostAsync("/api/v1/create_order", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"create_order failed: {(int)response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("order_id").GetString()!;
    }

    // LSPS1 orders are sold by the house seller, so its account can read every one of them.
    private static async Task<string> HouseSellerKey(BenchmarkHost host)
    {
        string accountId;
        await using (var db = host.Get<SqliteDatabase>().Read<MarketDbContext>())
            accountId = (await db.Settings.SingleAsync(s => s.Key == "house_account_id")).Value;
        var issued = await host.Get<AccountService>().MintKey(new MarketCaller.Admin(), accountId, "graphql benchmark");
        return issued.Plaintext;
    }

    private static async Task<bool> GetByGraphQL(HttpClient http, string key, string orderId)
    {
        var body = JsonSerializer.Serialize(new { query = GetOrderQuery, variables = new { orderId } });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            return LoadReport.Failed("graphql get_order", response.StatusCode, Encoding.UTF8.GetString(bytes));
        using var json = JsonDocument.Parse(bytes);
        // HTTP 200 also carries GraphQL errors; only an order with its id counts.
        var ok = !json.RootElement.TryGetProperty("errors", out _)
            && json.RootElement.GetProperty("data").GetProperty("user").GetProperty("market").GetProperty("orders")
                .GetProperty("get_order").GetProperty("id").GetString() == orderId;
        return ok || LoadReport.Failed("graphql get_order", response.StatusCode, Encoding.UTF8.GetString(bytes));
    }
}
