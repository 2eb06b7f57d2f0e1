using Magma.Lightning.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Magma.Api.Health;

/// <summary>Ready when a read connection can query the database.</summary>
public sealed class DatabaseHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenReadConnection(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM schema_migrations";
            var migrations = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
            return HealthCheckResult.Healthy($"{migrations} migrations applied");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", ex);
        }
    }
}
