using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Magma.Benchmarks.Load;

namespace Magma.Benchmarks.Lsps1;

// create_order and get_order with 32 concurrent clients against the real host (Release, Kestrel on 127.0.0.1,
// a fresh database with synchronous=FULL). In the same run: the raw SQLite single-row commit rate with the same
// journal and sync settings, and a trivial JSON route on the same host. The server group-commits its writes (one
// fsync per batch), so create_order can beat the single-row rate.
public sealed class Lsps1Scenario : IBenchmarkScenario
{
    private const int Clients = 32;
    private const string ClientNode = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";

    public string Name => "lsps1";

    public async Task<int> Run(string[] args)
    {
        var seconds = args.Length > 0 && int.TryParse(args[0], out var s) ? s : 10;
        var duration = TimeSpan.FromSeconds(seconds);
        var data = Directory.CreateTempSubdirectory("magma-lsps1-bench-").FullName;
        try
        {
            var commits = SqliteCommitTimer.CommitsPerSecond(data, TimeSpan.FromSeconds(Math.Max(3, seconds / 2)));
            Console.WriteLine(LoadReport.Line("SQLite single-row commits (WAL, FULL)", commits));

            await using var host = await BenchmarkHost.Start(data);
            using var http = host.Client(Clients * 2);
            var orders = new ConcurrentBag<string>();
            Console.WriteLine("Warming up ...");
            await LoadRunner.Run(Clients, LoadRunner.WarmUp, _ => Create(http, orders));

            var create = await LoadRunner.Run(Clients, duration, _ => Create(http, orders));
            Console.WriteLine(LoadReport.Line("create_order", create.PerSecond, create));
            var ids = orders.ToArray();
            var get = await LoadRunner.Run(Clients, duration, i => LoadReport.Get(http, $"/api/v1/get_order?order_id={ids[i % ids.Length]}"));
            Console.WriteLine(LoadReport.Line("get_order", get.PerSecond, get));
            var hello = await LoadRunner.Run(Clients, duration, _ => LoadReport.Get(http, "/bench/hello"));
            Console.WriteLine(LoadReport.Line("hello (trivial JSON)", hello.PerSecond, hello));

            var createRatio = create.PerSecond / commits;
            var getRatio = get.PerSecond / hello.PerSecond;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  create / sqlite = {createRatio:0.00} (goal >= 0.4), create p99 = {create.P99Ms:0.0} ms (goal < 50), get / hello = {getRatio:0.00} (goal >= 0.25)"));
            ResultLine.Write("lsps1", ("create_per_s", create.PerSecond), ("sqlite_commits_per_s", commits), ("create_ratio", createRatio),
                ("create_p99_ms", create.P99Ms), ("get_per_s", get.PerSecond), ("hello_per_s", hello.PerSecond), ("get_ratio", getRatio));
            return create.Failures + get.Failures + hello.Failures == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<bool> Create(HttpClient http, ConcurrentBag<string> orders)
    {
        const string body = "{\"lsp_balance_sat\":\"100000\",\"client_balance_sat\":\"0\",\"required_channel_confirmations\":3,"
            + "\"funding_confirms_within_blocks\":6,\"channel_expiry_blocks\":13140,\"token\":\"\",\"refund_onchain_address\":\"\","
            + "\"announce_channel\":false,\"public_key\":\"" + ClientNode + "\"}";
        using var response = await http.PostAsync("/api/v1/create_order", new StringContent(body, Encoding.UTF8, "application/json"));
        if (response.StatusCode != HttpStatusCode.OK)
            return LoadReport.Failed("create_order", response.StatusCode, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        orders.Add(json.RootElement.GetProperty("order_id").GetString()!);
        return true;
    }
}
