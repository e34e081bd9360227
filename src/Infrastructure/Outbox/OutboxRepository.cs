using RyzeApi.Application.Outbox;
using RyzeApi.Application.Routing.Model;
using RyzeApi.Infrastructure.Persistence;

namespace RyzeApi.Infrastructure.Outbox;

/// <summary>The outbox in PostgreSQL (statements in <see cref="OutboxSql"/>). Per-message writes go through the
/// group-commit writers, so concurrent ones share a round trip.</summary>
internal sealed class OutboxRepository(NpgsqlDataSource dataSource, OutboxWriters writers) : IOutbox, IOutboxStore
{
    public Task<bool> EnqueueAsync<T>(string integrationId, T delivery, CancellationToken cancellationToken)
        where T : IDelivery<T> =>
        EnqueueAsync(NewOutboxItem.For(integrationId, delivery), cancellationToken);

    public Task<bool> EnqueueAsync(NewOutboxItem item, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        var affected = await writers.Ingress.WriteAsync(() => [OutboxCommands.Enqueue(item)], [OutboxCommands.LaneLock(item)], 0, cancellationToken);
        return affected[0] == 1;
    });

    public Task<bool> EnqueueAllAsync<T>(string integrationId, IReadOnlyList<T> deliveries, CancellationToken cancellationToken)
        where T : IDelivery<T> => Db.RunAsync(async () =>
    {
        var items = deliveries.Select(d => NewOutboxItem.For(integrationId, d)).ToList();
        var affected = await writers.Ingress.WriteAsync(
            () => [.. items.Select(OutboxCommands.Enqueue)], [.. items.Select(OutboxCommands.LaneLock).Distinct()], 0, cancellationToken);
        return affected.Any(a => a == 1);
    });

    public Task<bool> EnqueueKnownReplyAsync(AgentReply reply, KnownReply expected, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        var item = NewOutboxItem.For(expected.Credentials.IntegrationId, reply);
        var affected = await writers.Ingress.WriteAsync(
            () => [OutboxCommands.EnqueueKnownReply(item, expected)], [OutboxCommands.LaneLock(item)], 0, cancellationToken);
        return affected[0] == 1;
    });

    // One round trip: the claim lock is held only while PostgreSQL runs the claim, never across the network.
    // The lock is its own statement so that the claim's snapshot is taken after it, and sees the leases of the
    // claim before.
    public Task<IReadOnlyList<OutboxItem>> ClaimAsync(string worker, int max, TimeSpan lease, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = connection.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        var locking = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(@Key)::text AS locked");
        locking.Parameters.Add(new NpgsqlParameter<long>("Key", OutboxSql.ClaimLockKey));
        batch.BatchCommands.Add(locking);
        var claim = new NpgsqlBatchCommand(OutboxSql.Claim);
        claim.Parameters.Add(new NpgsqlParameter<string>("Worker", worker));
        claim.Parameters.Add(new NpgsqlParameter<int>("Max", max));
        claim.Parameters.Add(new NpgsqlParameter<TimeSpan>("Lease", lease));
        batch.BatchCommands.Add(claim);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var items = new List<OutboxItem>();
        do
        {
            if (reader.FieldCount > 1)
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    items.Add(ClaimedRow.Read(reader));
                }
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return (IReadOnlyList<OutboxItem>)items;
    });

    public Task CompleteAsync(OutboxItem item, MessageLink? link, NewOutboxItem? followUp, CancellationToken cancellationToken) =>
        FinishAsync(item.Id, () => OutboxCommands.Complete(item.Id), link, followUp, cancellationToken);

    public Task FailAsync(OutboxItem item, string error, NewOutboxItem? followUp, CancellationToken cancellationToken) =>
        FinishAsync(item.Id, () => OutboxCommands.Fail(item.Id, error, mayHaveArrived: false), null, followUp, cancellationToken);

    public Task FailUnconfirmedAsync(OutboxItem item, string error, CancellationToken cancellationToken) =>
        FinishAsync(item.Id, () => OutboxCommands.Fail(item.Id, error, mayHaveArrived: true), null, null, cancellationToken);

    public Task RetryAsync(OutboxItem item, DateTimeOffset notBefore, string error, CancellationToken cancellationToken) =>
        RetryAsync(item, notBefore, error, forSession: false, cancellationToken);

    public Task WaitForSessionAsync(OutboxItem item, DateTimeOffset notBefore, string error, CancellationToken cancellationToken) =>
        RetryAsync(item, notBefore, error, forSession: true, cancellationToken);

    private Task RetryAsync(OutboxItem item, DateTimeOffset notBefore, string error, bool forSession, CancellationToken cancellationToken) =>
        ExecuteAsync(OutboxSql.Retry, cancellationToken,
            new NpgsqlParameter<long>("Id", item.Id), new NpgsqlParameter<int>("Attempts", item.Attempts),
            new NpgsqlParameter<DateTime>("NotBefore", notBefore.UtcDateTime), OutboxCommands.Text("Error", error),
            new NpgsqlParameter<bool>("ForSession", forSession));

    public Task ReleaseAsync(OutboxItem item, CancellationToken cancellationToken) =>
        ExecuteAsync(OutboxSql.Release, cancellationToken, new NpgsqlParameter<long>("Id", item.Id), new NpgsqlParameter<int>("Attempts", item.Attempts));

    public Task<IReadOnlyCollection<long>> RenewLeasesAsync(IReadOnlyCollection<OutboxItem> items, TimeSpan lease, CancellationToken cancellationToken) =>
        Db.RunAsync(async () =>
        {
            if (items.Count == 0)
            {
                return (IReadOnlyCollection<long>)[];
            }

            await using var command = dataSource.CreateCommand(OutboxSql.Renew);
            command.Parameters.Add(new NpgsqlParameter<long[]>("Ids", [.. items.Select(i => i.Id)]));
            command.Parameters.Add(new NpgsqlParameter<int[]>("Attempts", [.. items.Select(i => i.Attempts)]));
            command.Parameters.Add(new NpgsqlParameter<TimeSpan>("Lease", lease));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var renewed = new List<long>();
            while (await reader.ReadAsync(cancellationToken))
            {
                renewed.Add(reader.GetInt64(0));
            }

            return (IReadOnlyCollection<long>)renewed;
        });

    public Task<IReadOnlyList<LeasedLane>> LeasedLanesAsync(string exceptWorkers, int max, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var command = dataSource.CreateCommand(OutboxSql.LeasedLanes);
        command.Parameters.Add(new NpgsqlParameter<string>("Except", exceptWorkers));
        command.Parameters.Add(new NpgsqlParameter<int>("Max", max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lanes = new List<LeasedLane>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lanes.Add(new LeasedLane(
                reader.GetString(0), new Lane(LaneKinds.Parse(reader.GetString(1)), reader.GetString(2)), reader.IsDBNull(3) ? string.Empty : reader.GetString(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero), reader.GetInt32(5)));
        }

        return (IReadOnlyList<LeasedLane>)lanes;
    });

    public Task<byte[]?> ReadMediaAsync(long itemId, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await using var command = dataSource.CreateCommand(OutboxSql.ReadMedia);
        command.Parameters.Add(new NpgsqlParameter<long>("Id", itemId));
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    });

    public Task<int> PurgeDoneAsync(TimeSpan age, CancellationToken cancellationToken) => Db.RunAsync(async () =>
    {
        await ExecuteAsync(OutboxSql.PurgeMedia, cancellationToken);
        await using var command = dataSource.CreateCommand(OutboxSql.Purge);
        command.Parameters.Add(new NpgsqlParameter<TimeSpan>("Age", age));
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    });

    // The outcome and what it produced (a link, follow-up work) in one transaction, sent as one batch together
    // with whatever else this process is writing at that moment.
    private Task FinishAsync(
        long id, Func<NpgsqlBatchCommand> outcome, MessageLink? link, NewOutboxItem? followUp, CancellationToken cancellationToken) =>
        Db.RunAsync(async () =>
        {
            IReadOnlyList<NpgsqlBatchCommand> Commands()
            {
                List<NpgsqlBatchCommand> commands = [outcome()];
                if (link is not null)
                {
                    commands.Add(OutboxCommands.Link(link));
                }

                if (followUp is not null)
                {
                    commands.Add(OutboxCommands.Enqueue(followUp));
                }

                return commands;
            }

            await writers.Completions.WriteAsync(Commands, followUp is null ? [] : [OutboxCommands.LaneLock(followUp)], id, cancellationToken);
        });

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters) => Db.RunAsync(async () =>
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    });
}
