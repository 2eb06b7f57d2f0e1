using System.Net;
using System.Net.Sockets;
using Magma.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Magma.Benchmarks.Load;

/// <summary>
/// The real Magma host, started in-process on Kestrel at 127.0.0.1 over a fresh database with synchronous=FULL,
/// with Program.cs's services and pipeline, plus one trivial JSON route that exists only here as a yardstick.
/// </summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    public const string AdminToken = "mgm_admin_benchmark";

    private readonly WebApplication _app;

    private BenchmarkHost(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<BenchmarkHost> Start(string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var port = FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Magma"] = $"Data Source={Path.Combine(dataDirectory, "magma.db")}",
            ["Storage:Synchronous"] = "FULL",
            ["Simnet:BlockInterval"] = "00:00:00",
            ["Magma:AdminToken"] = AdminToken,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Lsps1:RateLimit:PermitLimit"] = "1000000",
            // Every benchmark order locks house liquidity until it expires.
            ["Market:HouseSeller:TotalSizeSat"] = "1000000000000000",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMagma();
        var app = builder.Build();
        app.UseMagma();
        app.MapGet("/bench/hello", () => Results.Json(new { hello = "world" }));
        await app.InitializeMagma();
        await app.StartAsync();
        return new BenchmarkHost(app, $"http://127.0.0.1:{port}");
    }

    public HttpClient Client(int connections) => new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false })
    {
        BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
