using Dapper;
using RyzeApi.Application.Common.Telemetry;
using RyzeApi.Infrastructure.Persistence;

namespace RyzeApi.Infrastructure.Telemetry;

/// <summary>The backlog gauges' query: two statements, one round trip. Pending rows are counted per integration from
/// the pending partial index alone (no heap read per row); each integration's oldest pending row is its lowest id, whose
/// <c>created_at</c> is one lookup. Only the <c>top</c> most behind, and only once their oldest row is <c>namedAfter</c> old, get their instance's name; the rest come back
/// summed in one row. An integration whose deliveries are halted (a rejected token) is left out: its rows wait on
/// purpose until it is activated again, and it shows as <c>error</c> among the integrations by status. The cost grows
/// with the pending rows, not with the delivered ones nor the idle integrations.</summary>
internal sealed class BacklogMetricsReader(NpgsqlDataSource dataSource) : IBacklogMetricsReader
{
    private const string Sql = """
        WITH per AS (
            SELECT integration_id, count(*) AS pending, min(id) AS first_id
            FROM outbox WHERE status = 'pending'
            GROUP BY integration_id
        ), ranked AS (
            SELECT per.pending, o.created_at, i.instance_id,
                   row_number() OVER (ORDER BY o.created_at, per.pending DESC, per.integration_id) AS rank
            FROM per
            JOIN chatwoot_integrations i ON i.id = per.integration_id AND NOT i.deliveries_halted
            JOIN outbox o ON o.id = per.first_id
        )
        SELECT n.name AS Instance, sum(r.pending)::bigint AS Pending,
               greatest(extract(epoch FROM now() - min(r.created_at)), 0)::float8 AS OldestPendingSeconds
        FROM ranked r
        LEFT JOIN instances n ON r.rank <= @Top AND r.created_at <= now() - @NamedAfter AND n.id = r.instance_id
        GROUP BY n.name;
        SELECT status AS Status, count(*) AS Count FROM chatwoot_integrations GROUP BY status;
        """;

    public Task<BacklogSnapshot> ReadAsync(int top, TimeSpan namedAfter, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(Sql, new { Top = top, NamedAfter = namedAfter }, cancellationToken: cancellationToken));
        var integrations = (await results.ReadAsync<IntegrationBacklog>()).ToList();
        var statuses = (await results.ReadAsync<StatusCount>()).ToDictionary(s => s.Status, s => s.Count, StringComparer.Ordinal);
        return new BacklogSnapshot(integrations, statuses);
    });

    private sealed record StatusCount(string Status, long Count);
}
