using Magma.Api.Admin;
using Magma.Lightning.Storage;
using Magma.Market;
using Magma.Payments;
using Magma.Payments.Environments;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Magma.Api.Hosting;

public static class MagmaStartup
{
    /// <summary>Applies migrations and brings up the Lightning backend before the server accepts requests.</summary>
    public static async Task InitializeMagma(this WebApplication app)
    {
        var services = app.Services;
        var database = services.GetRequiredService<SqliteDatabase>();
        await database.Migrate(typeof(MagmaStartup).Assembly, "Magma.Api");
        await services.GetRequiredService<LightningBackend>().Initialize(services);
        await database.Migrate(typeof(PaymentsServices).Assembly, "Magma.Payments");
        var payments = services.GetRequiredService<IOptions<PaymentsOptions>>().Value;
        await services.GetRequiredService<EnvironmentService>().EnsureDefaultSandbox(payments.Sandbox.InitialWalletBalanceMsat);
        await services.InitializeMarket();
        var newToken = await services.GetRequiredService<AdminToken>().Initialize();
        app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, newToken));
    }

    private static void PrintBanner(WebApplication app, string? newToken)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var backend = app.Services.GetRequiredService<LightningBackend>();
        Console.WriteLine();
        foreach (var address in addresses)
            Console.WriteLine($"Magma is listening on {address} ({backend.Kind}, {app.Environment.EnvironmentName})");
        if (newToken is not null)
        {
            Console.WriteLine($"Admin token (shown once, only its hash is stored): {newToken}");
            Console.WriteLine("Use it as 'Authorization: Bearer <token>'. To replace it later, set Magma:AdminToken.");
        }
        else
        {
            Console.WriteLine("Admin token: configured earlier (set Magma:AdminToken to replace it).");
        }
        Console.WriteLine();
    }
}
