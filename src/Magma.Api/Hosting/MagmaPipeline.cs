using Magma.Api.Endpoints;
using Magma.Api.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Magma.Api.Hosting;

/// <summary>The request pipeline, shared by Program.cs and every in-process host (tests, benchmarks).</summary>
public static class MagmaPipeline
{
    public static WebApplication UseMagma(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseExceptionHandler();
        app.UseCors();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.Write });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthResponse.Write });
        app.MapEndpointModules();
        return app;
    }
}
