using System.Net;
using System.Net.Sockets;
using Magma.Api.Endpoints;
using Magma.Api.Health;
using Magma.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Magma.Benchmarks.Lsps1;

/// <summary>
/// The real Magma host, started in-process on Kestrel at 127.0.0.1 over a fresh database with synchronous=FULL,
/// built the way Program.cs builds it, plus one trivial JSON route that exists only here as a yardstick.
/// </summary>
public sealed class Lsps1BenchmarkHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Lsps1BenchmarkHost(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<Lsps1BenchmarkHost> Start(string dataDirectory)
    {
        var port = FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Magma"] = $"Data Source={Path.Combine(dataDirectory, "magma.db")}",
            ["Storage:Synchronous"] = "FULL",
            ["Simnet:BlockInterval"] = "00:00:00",
            ["Magma:AdminToken"] = "mgm_admin_benchmark",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Lsps1:RateLimit:PermitLimit"] = "1000000",
            // Every benchmark order locks house liquidity until it expires.
            ["Market:HouseSeller:TotalSizeSat"] = "1000000000000000",
        });
        builder.AddMagma();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseCors();
        app.UseRateLimiter();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.Write });
        app.MapEndpointModules();
        app.MapGet("/bench/hello", () => Results.Json(new { hello = "world" }));
        await app.InitializeMagma();
        await app.StartAsync();
        return new Lsps1BenchmarkHost(app, $"http://127.0.0.1:{port}");
    }

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
