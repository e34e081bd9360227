using Microsoft.Extensions.Options;
using Npgsql;
using RyzeApi.Application.Common.Options;

namespace RyzeApi.Infrastructure.Outbox;

/// <summary>Stops start-up when the outbox alone could take every connection of the pool: each of the two writers
/// holds up to <see cref="RoutingOptions.WriteConnections"/>, each worker one for its claim or reads and one for the
/// renewal of its leases; requests need at least one more.</summary>
internal sealed class OutboxPoolCheck(NpgsqlDataSource dataSource) : IValidateOptions<RoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        var pool = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize;
        var outbox = Needed(options);
        return outbox < pool
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Routing__WriteConnections ({options.WriteConnections}) and Routing__Workers ({options.Workers}) need {outbox} database " +
                $"connections, leaving none of the pool's {pool} (Maximum Pool Size in ConnectionStrings__Postgres) for requests: " +
                "lower them or raise the pool size");
    }

    public static int Needed(RoutingOptions options) =>
        (2 * options.WriteConnections) + (options.WorkersEnabled ? 2 * options.Workers : 0);
}
