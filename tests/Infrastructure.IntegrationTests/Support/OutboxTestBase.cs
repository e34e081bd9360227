using Microsoft.Extensions.Options;

namespace RyzeApi.Infrastructure.IntegrationTests.Support;

/// <summary>A real outbox with its writers started, as the host starts them, and stopped (drained) after each test.</summary>
public abstract class OutboxTestBase : DatabaseTestBase
{
    private OutboxWriters _writers = null!;

    internal OutboxRepository Outbox { get; private set; } = null!;

    [SetUp]
    public async Task StartOutbox()
    {
        _writers = new OutboxWriters(DataSource, Options.Create(new RoutingOptions()));
        await _writers.StartAsync(CancellationToken.None);
        Outbox = new OutboxRepository(DataSource, _writers);
    }

    [TearDown]
    public async Task StopOutbox() => await _writers.StopAsync(CancellationToken.None);

    /// <summary>Pending rows of an integration, read from the table (no port needs this).</summary>
    protected async Task<long> CountPendingAsync(string integrationId)
    {
        await using var command = DataSource.CreateCommand("SELECT count(*) FROM outbox WHERE integration_id = $1 AND status = 'pending'");
        command.Parameters.Add(new Npgsql.NpgsqlParameter<string> { TypedValue = integrationId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected static Lane Chat(string jid) => new(LaneKind.WhatsAppChat, jid);

    protected static Lane Replies(string jid) => new(LaneKind.AgentReplies, jid);

    protected static Lane Status(string messageId) => new(LaneKind.MessageStatus, messageId);
}
