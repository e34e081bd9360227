namespace RyzeApi.Infrastructure.IntegrationTests.Routing;

/// <summary>Claims, leases and retries: a lane's rows go to one worker at a time, in order.</summary>
public sealed class OutboxRepositoryTests : OutboxRowsTestBase
{
    [Test]
    public async Task Claim_TwoChats_ReturnsEveryDueItemInIdOrderAndCountsTheAttempt()
    {
        // Arrange
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Chat("chat-b"), "wa:2"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:3"), CancellationToken.None);

        // Act
        var claimed = await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None);

        // Assert
        Assert.That(claimed.Select(i => i.Payload), Is.EqualTo(new[] { Payload("wa:1"), Payload("wa:2"), Payload("wa:3") }));
        Assert.That(claimed.Select(i => i.Attempts), Is.All.EqualTo(1));
        Assert.That(await Outbox.ClaimAsync("w2", 10, s_lease, CancellationToken.None), Is.Empty, "leased rows are not handed out twice");
    }

    [Test]
    public async Task Claim_WhatsAppMessageOrReplyOfAKnownChat_ComesWithTheChat()
    {
        // Arrange
        var chat = new RoutedChat(IntegrationId, "chat-a", 31, "src-31", 77, "open");
        await new RoutingRepository(DataSource).SaveChatAsync(chat, CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Chat("chat-new"), "wa:2"), CancellationToken.None);
        await Outbox.EnqueueAsync(new NewOutboxItem(IntegrationId, AgentReply.KindName, Replies("chat-a"), "cw:3", Payload("cw:3")), CancellationToken.None);

        // Act
        var claimed = await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None);

        // Assert: a row of a chat RyzeApi knows carries it, an agent's reply too (it goes to the person's phone JID)
        Assert.That(claimed.Select(i => i.Chat), Is.EqualTo(new RoutedChat?[] { chat, null, chat }));
    }

    [Test]
    public async Task Claim_WhileAnEarlierItemOfTheChatIsLeased_SkipsTheWholeChat()
    {
        // Arrange
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        var first = await Outbox.ClaimAsync("w1", 1, s_lease, CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:2"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Chat("chat-b"), "wa:3"), CancellationToken.None);

        // Act
        var second = await Outbox.ClaimAsync("w2", 10, s_lease, CancellationToken.None);

        // Assert
        Assert.That(first.Single().Payload, Is.EqualTo(Payload("wa:1")));
        Assert.That(second.Select(i => i.Payload), Is.EqualTo(new[] { Payload("wa:3") }));
    }

    [Test]
    public async Task Retry_HoldsBackTheRestOfTheChatUntilItIsDue()
    {
        // Arrange
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:2"), CancellationToken.None);
        var claimed = await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None);
        await Outbox.RetryAsync(claimed[0], DateTimeOffset.UtcNow.AddMinutes(5), "Chatwoot is unreachable", CancellationToken.None);
        await Outbox.ReleaseAsync(claimed[1], CancellationToken.None);

        // Act
        var again = await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None);

        // Assert
        Assert.That(again, Is.Empty);
        Assert.That(await Database.ScalarAsync<int>("SELECT attempts FROM outbox WHERE payload->>'Id' = 'wa:2'"), Is.Zero, "a release does not count an attempt");
    }

    [Test]
    public async Task Retry_OfALaterItem_DoesNotHoldBackAnEarlierOneOfTheChat()
    {
        // Arrange: both claimed together; the later one waits for a retry, the earlier one was given back (shutdown).
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:2"), CancellationToken.None);
        var claimed = await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None);
        await Outbox.RetryAsync(claimed[1], DateTimeOffset.UtcNow.AddMinutes(5), "Chatwoot is unreachable", CancellationToken.None);
        await Outbox.ReleaseAsync(claimed[0], CancellationToken.None);

        // Act
        var again = await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None);

        // Assert: only rows behind a waiting one wait.
        Assert.That(again.Select(i => i.Payload), Is.EqualTo(new[] { Payload("wa:1") }));
    }

    [Test]
    public async Task Claim_AfterTheLeaseExpired_HandsTheItemOutAgain()
    {
        // Arrange: a worker claimed and crashed.
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        await Outbox.ClaimAsync("crashed", 10, TimeSpan.FromMilliseconds(1), CancellationToken.None);
        await Task.Delay(20);

        // Act
        var claimed = await Outbox.ClaimAsync("w2", 10, s_lease, CancellationToken.None);

        // Assert
        Assert.That(claimed.Single().Attempts, Is.EqualTo(2));
    }

    [Test]
    public async Task Claim_WhileALaterItemOfTheChatIsLeased_SkipsTheWholeChat()
    {
        // Arrange: however a later row came to be held elsewhere, the chat is that worker's until it lets go.
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:2"), CancellationToken.None);
        await Database.ExecuteAsync("UPDATE outbox SET leased_until = now() + interval '1 minute', attempts = 1 WHERE payload->>'Id' = 'wa:2'");

        // Act
        var claimed = await Outbox.ClaimAsync("w2", 10, s_lease, CancellationToken.None);

        // Assert
        Assert.That(claimed, Is.Empty);
    }

    [Test]
    public async Task RenewLeases_HeldItems_ExtendsThemSoTheChatStaysWithItsWorker()
    {
        // Arrange
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:2"), CancellationToken.None);
        var held = await Outbox.ClaimAsync("w1", 10, TimeSpan.FromMilliseconds(300), CancellationToken.None);

        // Act
        var renewed = await Outbox.RenewLeasesAsync(held, s_lease, CancellationToken.None);
        await Task.Delay(400);

        // Assert
        Assert.That(renewed, Is.EquivalentTo(held.Select(i => i.Id)));
        Assert.That(await Outbox.ClaimAsync("w2", 10, s_lease, CancellationToken.None), Is.Empty, "still leased after the first lease ran out");
    }

    [Test]
    public async Task RenewLeases_ExpiredOrReclaimedItems_AreNotRevived()
    {
        // Arrange: w1's lease runs out and w2 takes the item over.
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        var stale = (await Outbox.ClaimAsync("w1", 10, TimeSpan.FromMilliseconds(1), CancellationToken.None)).Single();
        await Task.Delay(20);
        var expired = await Outbox.RenewLeasesAsync([stale], s_lease, CancellationToken.None);
        var current = (await Outbox.ClaimAsync("w2", 10, s_lease, CancellationToken.None)).Single();

        // Act
        var renewed = await Outbox.RenewLeasesAsync([stale], s_lease, CancellationToken.None);
        await Outbox.ReleaseAsync(stale, CancellationToken.None);
        await Outbox.RetryAsync(stale, DateTimeOffset.UtcNow.AddMinutes(5), "late", CancellationToken.None);

        // Assert: w1 can neither revive, release nor reschedule what w2 now holds.
        Assert.That(expired, Is.Empty);
        Assert.That(renewed, Is.Empty);
        Assert.That(await Database.ScalarAsync<bool>($"SELECT leased_until > now() AND attempts = {current.Attempts} AND last_error = '' FROM outbox WHERE id = {current.Id}"),
            Is.True);
        Assert.That(await Outbox.RenewLeasesAsync([current], s_lease, CancellationToken.None), Is.EqualTo(new[] { current.Id }));
    }

    [Test]
    public async Task Claim_HaltedIntegration_HandsOutNothing()
    {
        // Arrange
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        await new RoutingIntegrations(DataSource).SetHealthAsync(
            IntegrationId, Domain.Chatwoot.IntegrationStatus.Error, "token rejected", halt: true, CancellationToken.None);

        // Act
        var claimed = await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None);

        // Assert
        Assert.That(claimed, Is.Empty);
    }

    [Test]
    public async Task Claim_ByEightWorkersAtOnce_HandsOutEachItemOnceAndEachChatToOneWorker()
    {
        // Arrange
        for (var i = 0; i < 400; i++)
        {
            await Outbox.EnqueueAsync(Item(Chat($"chat-{i % 20}"), $"wa:{i}"), CancellationToken.None);
        }

        // Act
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(w =>
            Task.Run(() => Outbox.ClaimAsync($"w{w}", 30, s_lease, CancellationToken.None))));

        // Assert
        var all = claims.SelectMany(c => c).ToList();
        Assert.That(all.Select(i => i.Id), Is.Unique);
        var chatsPerWorker = claims.SelectMany((c, w) => c.Select(i => (i.Lane, w))).Distinct().GroupBy(x => x.Lane);
        Assert.That(chatsPerWorker.Select(g => g.Count()), Is.All.EqualTo(1), "a chat's items are never split between workers");
    }
}
