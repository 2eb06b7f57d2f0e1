using System.Text.Json;
using Magma.Api.Admin;
using Magma.Api.Errors;
using Magma.Api.GraphQL;
using Magma.Api.Health;
using Magma.Api.Lsps1;
using Magma.Lightning;
using Magma.Lightning.Simnet;
using Magma.Lightning.Storage;
using Magma.Market;
using Magma.Payments;
using Magma.Payments.Environments;
using Quartz;
using Microsoft.AspNetCore.Http.Json;

namespace Magma.Api.Hosting;

public static class MagmaServices
{
    public const string DefaultConnectionString = "Data Source=data/magma.db";

    public static WebApplicationBuilder AddMagma(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        configuration.AddRootDevelopmentSettings(builder.Environment);
        var services = builder.Services;

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteOptions
        {
            ConnectionString = configuration.GetConnectionString("Magma") ?? DefaultConnectionString,
            Synchronous = configuration["Storage:Synchronous"] ?? "FULL",
            MaxBatchSize = configuration.GetValue("Storage:MaxBatchSize", 256),
            CheckpointPages = configuration.GetValue("Storage:CheckpointPages", 1000),
        });
        services.AddSingleton<SqliteDatabase>();

        services.AddSingleton(configuration.GetSection(SimnetOptions.Section).Get<SimnetOptions>() ?? new SimnetOptions());
        services.AddSingleton<SimnetNetwork>();
        services.AddHostedService<SimnetBackgroundService>();
        services.AddSingleton<LightningBackend>();
        services.AddSingleton<ILightningNode>(sp => sp.GetRequiredService<LightningBackend>().House);
        // Sandbox environments always run on Simnet's house node; no LIVE node is attached in this build.
        services.AddSingleton(sp => new EnvironmentNodes(sp.GetRequiredService<LightningBackend>().SandboxNode));
        services.AddMagmaPayments(configuration);
        services.AddMagmaMarket(configuration);
        services.AddMagmaGraphQL(configuration);
        services.AddLsps1Api(configuration);
        services.AddTrustedProxies(configuration);
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        services.AddSingleton<AdminToken>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<LightningHealthCheck>("lightning", tags: ["ready"]);

        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddProblemDetails();
        return builder;
    }

    /// <summary>Every Magma HTTP surface speaks snake_case JSON and writes characters unescaped where JSON allows.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }
}
