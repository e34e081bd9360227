using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Routing.Model;
using RyzeApi.Infrastructure.IntegrationTests.Support;
using RyzeApi.Infrastructure.Persistence.Repositories;

namespace RyzeApi.Infrastructure.IntegrationTests.Routing;

public sealed class OutboxRepositoryTests : DatabaseTestBase
{
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(1);
    private OutboxRepository _outbox = null!;
    private string _integrationId = null!;

    [SetUp]
    public async Task CreateIntegration()
    {
        var account = await CreateAccountAsync("account-token-outbox-0001");
        var instance = await CreateInstanceAsync(account, "suporte", "instance-token-outbox-0001");
        var integration = IntegrationSamples.New(instance.Id);
        await new ChatwootIntegrationRepository(DataSource, TimeProvider.System).ReplaceAsync(integration, null, CancellationToken.None);
        _integrationId = integration.Integration.Id;
        _outbox = new OutboxRepository(DataSource);
    }

    [Test]
    public async Task Enqueue_SameDedupeKeyTwice_RecordsOnce()
    {
        // Act
        var first = await _outbox.EnqueueAsync(Item("in:chat-a", "wa:1"), CancellationToken.None);
        var second = await _outbox.EnqueueAsync(Item("in:chat-a", "wa:1"), CancellationToken.None);

        // Assert
        Assert.That((first, second), Is.EqualTo((true, false)));
        Assert.That(await _outbox.CountPendingAsync(_integrationId, CancellationToken.None), Is.EqualTo(1));
    }

    [Test]
    public async Task Claim_TwoChats_ReturnsEveryDueItemInIdOrderAndCountsTheAttempt()
    {
        // Arrange
        await _outbox.EnqueueAsync(Item("in:chat-a", "wa:1"), CancellationToken.None);
        await _outbox.EnqueueAsync(Item("in:chat-b", "wa:2"), CancellationToken.None);
        await _outbox.EnqueueAsync(Item("in:chat-a", "wa:3"), CancellationToken.None);

        // Act
        var claimed = await _outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None);

        // Assert
        Assert.That(claimed.Select(i => i.Payload), Is.EqualTo(new[] { Payload("wa:1"), Payload("wa:2"), Payload("wa:3") }));
        Assert.That(claimed.Select(i => i.Attempts), Is.All.EqualTo(1));
        Assert.That(await _outbox.ClaimAsync("w2", 10, s_lease, CancellationToken.None), Is.Empty, "leased rows are not handed out twice");
    }

    [Test]
    public async Task Claim_WhileAnEarlierItemOfTheChatIsLeased_SkipsTheWholeChat()
    {
        // Arrange
        await _outbox.EnqueueAsync(Item("in:chat-a", "wa:1"), CancellationToken.None);
        var first = await _outbox.ClaimAsync("w1", 1, s_lease, CancellationToken.None);
        await _outbox.EnqueueAsync(Item("in:chat-a", "wa:2"), CancellationToken.None);
        await _outbox.EnqueueAsync(Item("in:chat-b", "wa:3"), CancellationToken.None);

        // Act
        var second = await _outbox.ClaimAsync("w2", 10, s_lease, CancellationToken.None);

        // Assert
        Assert.That(first.Single().Payload, Is.EqualTo(Payload("wa:1")));
        Assert.That(second.Select(i => i.Payload), Is.EqualTo(new[] { Payload("wa:3") }));
    }

    [Test]
    public async Task Retry_HoldsBackTheRestOfTheChatUntilItIsDue()
    {
        // Arrange
        await _outbox.EnqueueAsync(Item("in:chat-a", "wa:1"), CancellationToken.None);
        await _outbox.EnqueueAsync(Item("in:chat-a", "wa:2"), CancellationToken.None);
        var claimed = await _outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None);
        await _outbox.RetryAsync(claimed[0], DateTimeOffset.UtcNow.AddMinutes(5), "Chatwoot is unreachable", CancellationToken.None);
        await _outbox.ReleaseAsync(claimed[1], CancellationToken.None);

        // Act
        var again = await _outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None);

        // Assert
        Assert.That(again, Is.Empty);
        Assert.That(await Database.ScalarAsync<int>("SELECT attempts FROM outbox WHERE payload->>'Id' = 'wa:2'"), Is.Zero, "a release does not count an attempt");
    }

    [Test]
    public async Task Claim_AfterTheLeaseExpired_HandsTheItemOutAgain()
    {
        // Arrange: a worker claimed and crashed.
        await _outbox.EnqueueAsync(Item("in:chat-a", "wa:1"), CancellationToken.None);
        await _outbox.ClaimAsync("crashed", 10, TimeSpan.FromMilliseconds(1), CancellationToken.None);
        await Task.Delay(20);

        // Act
        var claimed = await _outbox.ClaimAsync("w2", 10, s_lease, CancellationToken.None);

        // Assert
        Assert.That(claimed.Single().Attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task Complete_RecordsLinkAndFollowUpInTheSameTransaction()
    {
        // Arrange
        await _outbox.EnqueueAsync(Item("in:chat-a", "wa:1"), CancellationToken.None);
        var item = (await _outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None)).Single();
        var link = new MessageLink(_integrationId, "wa:1", 77, 9, MessageLink.ToChatwoot);

        // Act
        await _outbox.CompleteAsync(item, link, Item("status:wa:1", "st:wa:1:sent"), CancellationToken.None);

        // Assert
        Assert.That(await Database.ScalarAsync<string>($"SELECT status FROM outbox WHERE id = {item.Id}"), Is.EqualTo("done"));
        Assert.That(await new RoutingRepository(DataSource).FindLinkAsync(_integrationId, "wa:1", CancellationToken.None), Is.EqualTo(link));
        Assert.That(await _outbox.CountPendingAsync(_integrationId, CancellationToken.None), Is.EqualTo(1));
    }

    [Test]
    public async Task Claim_HaltedIntegration_HandsOutNothing()
    {
        // Arrange
        await _outbox.EnqueueAsync(Item("in:chat-a", "wa:1"), CancellationToken.None);
        await new RoutingIntegrations(DataSource).SetHealthAsync(
            _integrationId, Domain.Chatwoot.IntegrationStatus.Error, "token rejected", halt: true, CancellationToken.None);

        // Act
        var claimed = await _outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None);

        // Assert
        Assert.That(claimed, Is.Empty);
    }

    [Test]
    public async Task Claim_ByEightWorkersAtOnce_HandsOutEachItemOnceAndEachChatToOneWorker()
    {
        // Arrange
        for (var i = 0; i < 400; i++)
        {
            await _outbox.EnqueueAsync(Item($"in:chat-{i % 20}", $"wa:{i}"), CancellationToken.None);
        }

        // Act
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(w =>
            Task.Run(() => _outbox.ClaimAsync($"w{w}", 30, s_lease, CancellationToken.None))));

        // Assert
        var all = claims.SelectMany(c => c).ToList();
        Assert.That(all.Select(i => i.Id), Is.Unique);
        var chatsPerWorker = claims.SelectMany((c, w) => c.Select(i => (i.ChatKey, w))).Distinct().GroupBy(x => x.ChatKey);
        Assert.That(chatsPerWorker.Select(g => g.Count()), Is.All.EqualTo(1), "a chat's items are never split between workers");
    }

    [Test]
    public async Task PurgeDone_RemovesOnlyOldDeliveredRows()
    {
        // Arrange
        await _outbox.EnqueueAsync(Item("in:chat-a", "wa:1"), CancellationToken.None);
        await _outbox.EnqueueAsync(Item("in:chat-b", "wa:2"), CancellationToken.None);
        await _outbox.EnqueueAsync(Item("in:chat-c", "wa:3"), CancellationToken.None);
        var claimed = await _outbox.ClaimAsync("w1", 2, s_lease, CancellationToken.None);
        foreach (var item in claimed)
        {
            await _outbox.CompleteAsync(item, null, null, CancellationToken.None);
        }

        await Database.ExecuteAsync($"UPDATE outbox SET updated_at = now() - interval '8 days' WHERE id = {claimed[0].Id}");

        // Act
        var purged = await _outbox.PurgeDoneAsync(TimeSpan.FromDays(7), CancellationToken.None);

        // Assert
        Assert.That(purged, Is.EqualTo(1));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM outbox"), Is.EqualTo(2));
    }

    private NewOutboxItem Item(string chatKey, string dedupeKey) =>
        new(_integrationId, OutboxKind.WhatsAppMessage, chatKey, dedupeKey, Payload(dedupeKey));

    private static string Payload(string id) => $"{{\"Id\": \"{id}\"}}";
}
