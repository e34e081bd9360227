using RyzeApi.Application.Common.Telemetry;
using RyzeApi.Infrastructure.Telemetry;

namespace RyzeApi.Infrastructure.IntegrationTests.Telemetry;

/// <summary>The backlog gauges' query: pending rows per integration, named by instance for the <c>top</c> most behind
/// (oldest pending first), the others summed in one row; delivered and failed rows never count, nor the rows of a
/// halted integration; integrations counted per status. However many integrations wait, the answer has at most <c>top</c> + 1 rows.</summary>
public sealed class BacklogMetricsReaderTests : DatabaseTestBase
{
    private readonly List<(string Instance, string IntegrationId)> _integrations = [];

    [SetUp]
    public async Task CreateIntegrations()
    {
        _integrations.Clear();
        var account = await CreateAccountAsync("account-token-backlog-0001");
        var repository = new ChatwootIntegrationRepository(DataSource, TimeProvider.System);
        for (var i = 1; i <= 30; i++)
        {
            var name = $"cliente-{i:00}";
            var instance = await CreateInstanceAsync(account, name, $"instance-token-backlog-{i:0000}");
            var integration = IntegrationSamples.New(instance.Id);
            await repository.ReplaceAsync(integration, null, CancellationToken.None);
            _integrations.Add((name, integration.Integration.Id));
        }
    }

    [Test]
    public async Task TopMostBehindNamed_RestSummed_DoneAndFailedNotCounted()
    {
        // Arrange: integration i has i pending rows, the oldest i minutes old, and a done and a failed row older still.
        foreach (var (i, (_, id)) in _integrations.Select((x, i) => (i + 1, x)))
        {
            await InsertRowsAsync(id, i, "pending", TimeSpan.FromMinutes(i));
            await InsertRowsAsync(id, 1, "done", TimeSpan.FromHours(i));
            await InsertRowsAsync(id, 1, "failed", TimeSpan.FromHours(i));
        }

        // Act
        var snapshot = await new BacklogMetricsReader(DataSource).ReadAsync(5, TimeSpan.Zero, CancellationToken.None);

        // Assert
        var named = snapshot.Integrations.Where(r => r.Instance is not null).OrderByDescending(r => r.Pending).ToList();
        Assert.That(named.Select(r => r.Instance), Is.EqualTo(new[] { "cliente-30", "cliente-29", "cliente-28", "cliente-27", "cliente-26" }));
        Assert.That(named.Select(r => r.Pending), Is.EqualTo(new long[] { 30, 29, 28, 27, 26 }));
        Assert.That(named[0].OldestPendingSeconds, Is.InRange(30 * 60 - 5, 30 * 60 + 60));
        var rest = snapshot.Integrations.Single(r => r.Instance is null);
        Assert.That(rest.Pending, Is.EqualTo(Enumerable.Range(1, 25).Sum()));
        Assert.That(rest.OldestPendingSeconds, Is.InRange(25 * 60 - 5, 25 * 60 + 60), "the oldest of the rest");
        Assert.That(snapshot.Integrations, Has.Count.EqualTo(6));
    }

    [Test]
    public async Task OnlyBacklogsOlderThanNamedAfter_AreNamed_YoungOnesSummed()
    {
        // Arrange: one integration behind for five minutes, two with a delivery pending for a moment, as busy ones have.
        await InsertRowsAsync(_integrations[0].IntegrationId, 3, "pending", TimeSpan.FromMinutes(5));
        await InsertRowsAsync(_integrations[1].IntegrationId, 1, "pending", TimeSpan.FromSeconds(2));
        await InsertRowsAsync(_integrations[2].IntegrationId, 1, "pending", TimeSpan.FromSeconds(1));

        // Act
        var snapshot = await new BacklogMetricsReader(DataSource).ReadAsync(20, TimeSpan.FromSeconds(30), CancellationToken.None);

        // Assert
        Assert.That(snapshot.Integrations.Where(r => r.Instance is not null).Select(r => (r.Instance, r.Pending)),
            Is.EqualTo(new[] { ((string?)_integrations[0].Instance, 3L) }));
        Assert.That(snapshot.Integrations.Single(r => r.Instance is null).Pending, Is.EqualTo(2));
    }

    [Test]
    public async Task FewerWaitingThanTop_AllNamed_NoRestRow_IdleIntegrationsAbsent()
    {
        // Arrange
        await InsertRowsAsync(_integrations[0].IntegrationId, 2, "pending", TimeSpan.FromSeconds(90));
        await InsertRowsAsync(_integrations[1].IntegrationId, 1, "pending", TimeSpan.FromSeconds(10));

        // Act
        var snapshot = await new BacklogMetricsReader(DataSource).ReadAsync(20, TimeSpan.Zero, CancellationToken.None);

        // Assert
        Assert.That(snapshot.Integrations.Select(r => (r.Instance, r.Pending)), Is.EquivalentTo(new (string?, long)[] { ("cliente-01", 2), ("cliente-02", 1) }));
    }

    [Test]
    public async Task HaltedIntegration_ItsRowsWaitOnPurpose_LeftOut()
    {
        // Arrange
        await InsertRowsAsync(_integrations[0].IntegrationId, 4, "pending", TimeSpan.FromHours(2));
        await InsertRowsAsync(_integrations[1].IntegrationId, 1, "pending", TimeSpan.FromSeconds(5));
        await Database.ExecuteAsync($"UPDATE chatwoot_integrations SET status = 'error', deliveries_halted = true WHERE id = '{_integrations[0].IntegrationId}'");

        // Act
        var snapshot = await new BacklogMetricsReader(DataSource).ReadAsync(1, TimeSpan.Zero, CancellationToken.None);

        // Assert
        Assert.That(snapshot.Integrations.Select(r => (r.Instance, r.Pending)), Is.EquivalentTo(new (string?, long)[] { ("cliente-02", 1) }));
        Assert.That(snapshot.IntegrationsByStatus["error"], Is.EqualTo(1));
    }

    [Test]
    public async Task IntegrationsCountedPerStatus()
    {
        // Arrange
        await Database.ExecuteAsync($"UPDATE chatwoot_integrations SET status = 'paused' WHERE id IN ('{_integrations[0].IntegrationId}', '{_integrations[1].IntegrationId}')");
        await Database.ExecuteAsync($"UPDATE chatwoot_integrations SET status = 'error' WHERE id = '{_integrations[2].IntegrationId}'");

        // Act
        var snapshot = await new BacklogMetricsReader(DataSource).ReadAsync(5, TimeSpan.Zero, CancellationToken.None);

        // Assert
        Assert.That(snapshot.Integrations, Is.Empty);
        Assert.That(snapshot.IntegrationsByStatus, Is.EquivalentTo(new Dictionary<string, long> { ["active"] = 27, ["paused"] = 2, ["error"] = 1 }));
    }

    private static Task InsertRowsAsync(string integrationId, int count, string status, TimeSpan age) => Database.ExecuteAsync($"""
        INSERT INTO outbox (integration_id, kind, lane_kind, lane_key, dedupe_key, payload, status, created_at)
        SELECT '{integrationId}', 'whatsapp_message', 'chat', 'chat-' || n, '{status}-' || gen_random_uuid(), '[]'::jsonb, '{status}',
               now() - interval '{(int)age.TotalSeconds} seconds' + n * interval '1 millisecond'
        FROM generate_series(0, {count - 1}) AS n
        """);
}
