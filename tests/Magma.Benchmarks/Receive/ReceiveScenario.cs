using System.Globalization;
using System.Net;
using System.Text;
using Magma.Benchmarks.Load;
using Magma.Payments.Access;
using Magma.Payments.Data;
using Magma.Payments.Environments;
using Magma.Payments.Wallets;

namespace Magma.Benchmarks.Receive;

// The LNbits receive, POST /api/v1/payments with an invoice key, from 32 concurrent clients against the real host
// (Release, Kestrel on 127.0.0.1, a fresh database with synchronous=FULL), next to the raw SQLite single-row commit
// rate with the same settings, measured in the same run. Then 1,000 payment events delivered to a local receiver
// that verifies every signature.
public sealed class ReceiveScenario : IBenchmarkScenario
{
    private const int Clients = 32;

    public string Name => "receive";

    public async Task<int> Run(string[] args)
    {
        var seconds = args.Length > 0 && int.TryParse(args[0], out var s) ? s : 10;
        var data = Directory.CreateTempSubdirectory("magma-receive-bench-").FullName;
        try
        {
            var commits = SqliteCommitTimer.CommitsPerSecond(data, TimeSpan.FromSeconds(Math.Max(3, seconds / 2)));
            Console.WriteLine(LoadReport.Line("SQLite single-row commits (WAL, FULL)", commits));

            LoadResult receive;
            await using (var host = await BenchmarkHost.Start(data))
            {
                var key = await InvoiceKey(host);
                using var http = host.Client(Clients * 2);
                http.DefaultRequestHeaders.Add("X-Api-Key", key);
                Console.WriteLine("Warming up ...");
                await LoadRunner.Run(Clients, LoadRunner.WarmUp, i => CreateInvoice(http, i));
                receive = await LoadRunner.Run(Clients, TimeSpan.FromSeconds(seconds), i => CreateInvoice(http, i));
                Console.WriteLine(LoadReport.Line("POST /api/v1/payments (receive)", receive.PerSecond, receive));
            }

            var webhooks = await WebhookLatency.Measure(Path.Combine(data, "webhooks"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  webhooks: {webhooks.Verified:N0}/{webhooks.Events:N0} verified, {webhooks.Rejected} rejected, in {webhooks.ElapsedSeconds:0.00} s; "
                + $"event (commit) to delivery p50 {webhooks.CommitP50Milliseconds:0} ms, p99 {webhooks.CommitP99Milliseconds:0} ms; "
                + $"from submitting all {webhooks.Events:N0} units at once p99 {webhooks.P99Milliseconds:0} ms"));

            var ratio = receive.PerSecond / commits;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  receive / sqlite = {ratio:0.00} (goal >= 0.4), receive p99 = {receive.P99Ms:0.0} ms (goal < 50), webhook p99 = {webhooks.CommitP99Milliseconds:0} ms (goal < 1000)"));
            ResultLine.Write("receive", ("per_s", receive.PerSecond), ("sqlite_commits_per_s", commits), ("ratio", ratio),
                ("p99_ms", receive.P99Ms), ("webhook_p99_ms", webhooks.CommitP99Milliseconds));
            return receive.Failures == 0 && webhooks.Verified == webhooks.Events && webhooks.Rejected == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>A fresh sandbox environment and BTC wallet with LNbits keys, made through the engine's own services.</summary>
    private static async Task<string> InvoiceKey(BenchmarkHost host)
    {
        var environment = await host.Get<EnvironmentService>().Create(Caller.AdminCaller, "receive benchmark", EnvironmentType.Sandbox);
        var wallet = await host.Get<WalletService>().Create(Caller.AdminCaller, environment.Id, "receive benchmark", assetId: null, withKeys: true);
        return wallet.Keys!.InvoiceKey;
    }

    private static async Task<bool> CreateInvoice(HttpClient http, int i)
    {
        var body = $"{{\"out\":false,\"amount\":{1000 + i % 1000},\"memo\":\"benchmark {i}\"}}";
        using var response = await http.PostAsync("/api/v1/payments", new StringContent(body, Encoding.UTF8, "application/json"));
        return response.StatusCode == HttpStatusCode.Created
            || LoadReport.Failed("POST /api/v1/payments", response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
