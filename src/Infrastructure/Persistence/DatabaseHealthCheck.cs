using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RyzeApi.Infrastructure.Persistence;

/// <summary>Ready only while PostgreSQL answers a trivial query.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException exception)
        {
            return HealthCheckResult.Unhealthy("database unreachable", exception);
        }
    }
}
