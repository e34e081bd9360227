using Dapper;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Infrastructure.Persistence.Repositories;

internal sealed class InstanceSessions(NpgsqlDataSource dataSource) : IInstanceSessions
{
    // One statement: the state, the integration's error and the release of waiting rows commit together, so a
    // `connected` never leaves rows waiting out a backoff nor an error naming a session that is back.
    // A halted integration keeps its own error (a rejected Chatwoot token needs the user more than the session does).
    private const string RecordSql = """
        WITH recorded AS (
            INSERT INTO instance_sessions (instance_id, state, since, updated_at) VALUES (@InstanceId, @State, now(), now())
            ON CONFLICT (instance_id) DO UPDATE SET
                since = CASE WHEN instance_sessions.state = EXCLUDED.state THEN instance_sessions.since ELSE now() END,
                state = EXCLUDED.state, updated_at = now()
            RETURNING state, since),
        problem AS (
            UPDATE chatwoot_integrations SET status = 'error', last_error = @Problem, updated_at = now()
            WHERE instance_id = @InstanceId AND @Problem::text IS NOT NULL AND NOT deliveries_halted AND last_error <> @Problem
            RETURNING 1),
        cleared AS (
            UPDATE chatwoot_integrations SET status = 'active', last_error = '', updated_at = now()
            WHERE instance_id = @InstanceId AND @Problem::text IS NULL AND last_error = ANY(@Problems)
            RETURNING 1),
        released AS (
            UPDATE outbox o SET next_attempt_at = now(), waits_for_session = false, updated_at = now()
            FROM chatwoot_integrations i
            WHERE @Connected AND i.instance_id = @InstanceId AND o.integration_id = i.id
              AND o.status = 'pending' AND o.waits_for_session
            RETURNING 1)
        SELECT r.state AS State, r.since AS Since, (SELECT count(*) FROM released)::int AS Released FROM recorded r
        """;

    // Only a session believed connected (or never reported) becomes disconnected: logged_out, qr_ready and the like
    // say more and stay, with their since.
    private const string NotConnectedSql = """
        INSERT INTO instance_sessions (instance_id, state, since, updated_at)
        SELECT instance_id, @State, now(), now() FROM chatwoot_integrations WHERE id = @IntegrationId
        ON CONFLICT (instance_id) DO UPDATE SET state = EXCLUDED.state, since = now(), updated_at = now()
        WHERE instance_sessions.state = @Connected
        """;

    private const string FindSql = "SELECT state AS State, since AS Since, 0 AS Released FROM instance_sessions WHERE instance_id = @InstanceId";

    public Task<(WhatsAppSession Session, int Released)> RecordAsync(Guid instanceId, string state, CancellationToken cancellationToken) =>
        Db.RunAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var row = await connection.QuerySingleAsync<SessionRow>(new CommandDefinition(RecordSql, new
            {
                InstanceId = instanceId,
                State = state,
                Problem = WhatsAppSession.ProblemOf(state),
                Problems = WhatsAppSession.Problems.ToArray(),
                Connected = state == WhatsAppSession.Connected,
            }, cancellationToken: cancellationToken));
            return (row.ToSession(), row.Released);
        });

    public Task SendFoundNotConnectedAsync(string integrationId, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(NotConnectedSql, new
        {
            IntegrationId = integrationId,
            State = WhatsAppSession.Disconnected,
            Connected = WhatsAppSession.Connected,
        }, cancellationToken: cancellationToken));
    });

    public Task<WhatsAppSession?> FindAsync(Guid instanceId, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(
            new CommandDefinition(FindSql, new { InstanceId = instanceId }, cancellationToken: cancellationToken));
        return row?.ToSession();
    });

    private sealed class SessionRow
    {
        public string State { get; init; } = string.Empty;

        public DateTime Since { get; init; }

        public int Released { get; init; }

        public WhatsAppSession ToSession() => new(State, Db.Utc(Since));
    }
}
