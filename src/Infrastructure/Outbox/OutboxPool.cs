namespace RyzeApi.Infrastructure.Outbox;

/// <summary>How many of the pool's connections the outbox's writers use. Each of the two writers (what ingress
/// records; what workers record) takes at most a fifth of the pool, so together they leave three fifths to the
/// workers' claims and to requests, and never more than <see cref="RoutingOptions.WriteConnections"/>. A small
/// pool (a small host sharing its cores with PostgreSQL) gets fewer writers, not a refusal to start: a write
/// that finds every connection busy waits for one, as any request does.</summary>
internal static class OutboxPool
{
    public static int WriterConnections(RoutingOptions options, int maxPoolSize) =>
        Math.Clamp(maxPoolSize / 5, 1, options.WriteConnections);

    public static int WriterConnections(RoutingOptions options, NpgsqlDataSource dataSource) =>
        WriterConnections(options, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize);
}
