using System.Net.Http.Json;
using Magma.Payments.Webhooks;
using Magma.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Magma.Api.Tests;

/// <summary>
/// The real host on a temporary SQLite file and the real Simnet, with blocks mined only on demand.
/// Two apps over the same <see cref="TemporaryDatabase"/> behave like a process restart. Webhook URLs resolve through
/// <see cref="OfflineDns"/>, and sandboxes accept loopback ones, as in Development, so tests can receive on 127.0.0.1.
/// </summary>
public sealed class MagmaApp(TemporaryDatabase database, IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string AdminToken = "mgm_admin_test-token";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Magma", database.ConnectionString);
        builder.UseSetting("Storage:Synchronous", "NORMAL");
        builder.UseSetting("Simnet:BlockInterval", "00:00:00");
        builder.UseSetting("Simnet:ExpirySweepInterval", "00:00:00");
        builder.UseSetting("Magma:AdminToken", AdminToken);
        builder.UseSetting("Payments:Webhooks:AllowInsecureSandboxUrls", "true");
        builder.ConfigureTestServices(services => services.AddSingleton<IHostAddressResolver, OfflineDns>());
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
    }

    public HttpClient Admin()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", AdminToken);
        return client;
    }
}

public static class HttpJson
{
    public static async Task<T> Json<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>())!;
}
