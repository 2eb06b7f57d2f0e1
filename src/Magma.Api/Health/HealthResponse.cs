using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Magma.Api.Health;

public static class HealthResponse
{
    /// <summary>A small JSON body: overall status plus each check's status and description.</summary>
    public static Task Write(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description }),
        });
}
