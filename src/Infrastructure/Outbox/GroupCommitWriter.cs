using System.Threading.Channels;

namespace RyzeApi.Infrastructure.Outbox;

/// <summary>Group commit for the outbox's per-message writes. Writes that arrive while a batch is in flight
/// go to PostgreSQL together, in one transaction and one round trip; a write that finds nothing in flight goes
/// at once, alone, so nothing waits on purpose. Each caller still gets its own outcome, and only after the
/// commit: an event is answered once it is durable. Run by <see cref="OutboxWriters"/>: started with the host,
/// drained when it stops.</summary>
/// <remarks>Rows of one lane must be numbered in the order they commit (see <see cref="OutboxSql"/>), so every
/// write names the lane locks it needs; a batch takes all of them first, in the order of the lock keys PostgreSQL
/// computes, and updates existing outbox rows in id order (as lease renewal does), so batches do not wait on each
/// other or on a renewal in a cycle. When PostgreSQL rejects a batch (one write's data, a deadlock nonetheless)
/// each write is tried again on its own, so only the one at fault fails; when the database cannot be reached every
/// write fails, as it would have alone.</remarks>
/// <param name="connections">Batches in flight at once, each on its own connection: a batch waiting for a lane lock
/// (another process inserting into that lane) must not hold up every other lane of this process.</param>
internal sealed class GroupCommitWriter(NpgsqlDataSource dataSource, int connections)
{
    // Bounds one statement batch; more waiting writes go in the next round trip.
    private const int MaxWritesPerBatch = 64;

    // Writes waiting for a flusher; past it, callers wait for room (ingress slows down instead of growing memory).
    private const int Capacity = 4096;

    private const string LockSql = """
        SELECT pg_advisory_xact_lock(1383692901, lane_lock)
        FROM (SELECT DISTINCT hashtext(name) AS lane_lock FROM unnest(@Names::text[]) AS name ORDER BY 1) AS ordered
        """;

    private readonly Channel<Write> _queue = Channel.CreateBounded<Write>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });
    private Task _flushers = Task.CompletedTask;

    public void Start() => _flushers = Task.WhenAll(Enumerable.Range(0, Math.Max(1, connections)).Select(_ => RunAsync()));

    /// <summary>Takes no more writes and returns once every write taken is flushed.</summary>
    public Task StopAsync()
    {
        _queue.Writer.TryComplete();
        return _flushers;
    }

    /// <summary>Runs <paramref name="commands"/> in the next batch, holding <paramref name="laneLocks"/>;
    /// returns each command's affected row count once the batch committed.</summary>
    /// <param name="outboxRowId">The outbox row the write updates, if any: a batch updates rows in id order.</param>
    /// <param name="commands">Makes the write's commands; called again when the write is retried on its own
    /// (a command that was part of a failed batch cannot be sent again).</param>
    public async Task<int[]> WriteAsync(
        Func<IReadOnlyList<NpgsqlBatchCommand>> commands, IReadOnlyList<string> laneLocks, long outboxRowId, CancellationToken cancellationToken)
    {
        var write = new Write(commands, laneLocks, outboxRowId);
        try
        {
            await _queue.Writer.WriteAsync(write, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("the outbox writer has stopped");
        }

        // A caller that gives up does not take its write back: it may already be on its way.
        await write.Done.Task.WaitAsync(cancellationToken);
        return [.. write.Sent.Select(c => c.RecordsAffected)];
    }

    private async Task RunAsync()
    {
        await Task.Yield();
        var batch = new List<Write>(MaxWritesPerBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxWritesPerBatch && _queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            // Every waiting flusher wakes for one write; those that find nothing left go back to waiting.
            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await FlushAsync(batch);
                batch.ForEach(w => w.Done.TrySetResult());
            }
            catch (PostgresException) when (batch.Count > 1)
            {
                foreach (var write in batch)
                {
                    await FlushAloneAsync(write);
                }
            }
            catch (Exception exception)
            {
                batch.ForEach(w => w.Done.TrySetException(exception));
            }

            batch.Clear();
        }
    }

    private async Task FlushAloneAsync(Write write)
    {
        try
        {
            await FlushAsync([write]);
            write.Done.TrySetResult();
        }
        catch (Exception exception)
        {
            write.Done.TrySetException(exception);
        }
    }

    private async Task FlushAsync(List<Write> writes)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = connection.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
        var laneLocks = writes.SelectMany(w => w.LaneLocks).ToArray();
        if (laneLocks.Length > 0)
        {
            var locks = new NpgsqlBatchCommand(LockSql);
            locks.Parameters.Add(new NpgsqlParameter<string[]>("Names", laneLocks));
            batch.BatchCommands.Add(locks);
        }

        foreach (var write in writes.OrderBy(w => w.OutboxRowId))
        {
            write.Sent = write.Commands();
            foreach (var command in write.Sent)
            {
                batch.BatchCommands.Add(command);
            }
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await batch.ExecuteNonQueryAsync();
    }

    private sealed record Write(Func<IReadOnlyList<NpgsqlBatchCommand>> Commands, IReadOnlyList<string> LaneLocks, long OutboxRowId)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The commands of the last attempt (their affected-row counts are the write's result).</summary>
        public IReadOnlyList<NpgsqlBatchCommand> Sent { get; set; } = [];
    }
}
