using Dapper;
using RyzeApi.Application.Chatwoot.Queries.GetChatwootStatus;
using RyzeApi.Application.Chatwoot.Queries.ListDeliveries;
using RyzeApi.Application.Common.Telemetry;

namespace RyzeApi.Infrastructure.Persistence.Repositories;

internal sealed class DeliveriesRepository(NpgsqlDataSource dataSource) : IDeliveryRepository
{
    // The lanes keyed by a WhatsApp chat; the others are keyed by a message id or a contact id.
    private static readonly string[] ChatLanes = ["chat", "reply", "presence"];

    public Task<IReadOnlyList<DeliveryRecord>> ListAsync(
        string integrationId, DeliveryState state, long? before, int max, CancellationToken cancellationToken) =>
        Db.RunAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var rows = await connection.QueryAsync<DeliveryRow>(new CommandDefinition(DeliveriesSql.List, new
            {
                IntegrationId = integrationId,
                Status = StatusOf(state),
                Before = before ?? long.MaxValue,
                Max = max,
            }, cancellationToken: cancellationToken));
            return (IReadOnlyList<DeliveryRecord>)[.. rows.Select(r => r.ToRecord(state))];
        });

    public Task<IReadOnlyList<long>> RetryFailedAsync(string integrationId, IReadOnlyList<long>? ids, int max, CancellationToken cancellationToken) =>
        Db.RunAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var requeued = await connection.QueryAsync<long>(new CommandDefinition(DeliveriesSql.Retry, new
            {
                IntegrationId = integrationId,
                Ids = ids?.ToArray(),
                Max = ids?.Count ?? max,
                TraceParent = DeliveryActivities.CurrentTraceParent(),
            }, cancellationToken: cancellationToken));
            return (IReadOnlyList<long>)[.. requeued];
        });

    public Task<DeliveryCounts> CountAsync(string integrationId, CancellationToken cancellationToken) =>
        Db.RunAsync(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var row = await connection.QuerySingleAsync<CountsRow>(new CommandDefinition(
                DeliveriesSql.Counts, new { IntegrationId = integrationId }, cancellationToken: cancellationToken));
            return new DeliveryCounts(
                row.Pending,
                row.FailedLastDay,
                row.OldestPendingSeconds is { } seconds ? TimeSpan.FromSeconds(Math.Floor(seconds)) : null,
                row.LastDeliveredAt is { } last ? Db.Utc(last) : null);
        });

    private static string StatusOf(DeliveryState state) => state switch
    {
        DeliveryState.Pending => "pending",
        DeliveryState.Failed => "failed",
        _ => "done",
    };

    private sealed class DeliveryRow
    {
        public long Id { get; init; }

        public string Kind { get; init; } = string.Empty;

        public string LaneKind { get; init; } = string.Empty;

        public string LaneKey { get; init; } = string.Empty;

        public int Attempts { get; init; }

        public string LastError { get; init; } = string.Empty;

        public DateTime CreatedAt { get; init; }

        public DateTime UpdatedAt { get; init; }

        public DateTime NextAttemptAt { get; init; }

        public string? WhatsAppMessageId { get; init; }

        public long? ChatwootMessageId { get; init; }

        public long? ChatwootConversationId { get; init; }

        public DeliveryRecord ToRecord(DeliveryState state) => new(
            Id, Kind, DeliveryRecord.DirectionOf(Kind), state,
            ChatLanes.Contains(LaneKind) ? LaneKey : null,
            WhatsAppMessageId, ChatwootMessageId, ChatwootConversationId, Attempts, LastError,
            Db.Utc(CreatedAt), Db.Utc(UpdatedAt), state == DeliveryState.Pending ? Db.Utc(NextAttemptAt) : null);
    }

    private sealed class CountsRow
    {
        public int Pending { get; init; }

        public int FailedLastDay { get; init; }

        public double? OldestPendingSeconds { get; init; }

        public DateTime? LastDeliveredAt { get; init; }
    }
}
