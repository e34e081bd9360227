using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Exceptions;
using RyzeApi.Application.Routing.Model;
using RyzeApi.Infrastructure.IntegrationTests.Support;
using RyzeApi.Application.Common.Options;
using RyzeApi.Application.Outbox;
using RyzeApi.Infrastructure.Outbox;
using RyzeApi.Infrastructure.Persistence.Repositories;

namespace RyzeApi.Infrastructure.IntegrationTests.Routing;

public sealed class OutboxRepositoryTests : OutboxTestBase
{
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(1);
    private string _integrationId = null!;
    private Guid _instanceId;

    [SetUp]
    public async Task CreateIntegration()
    {
        var account = await CreateAccountAsync("account-token-outbox-0001");
        var instance = await CreateInstanceAsync(account, "suporte", "instance-token-outbox-0001");
        _instanceId = instance.Id;
        var integration = IntegrationSamples.New(instance.Id);
        await new ChatwootIntegrationRepository(DataSource, TimeProvider.System).ReplaceAsync(integration, null, CancellationToken.None);
        _integrationId = integration.Integration.Id;
    }

    [Test]
    public async Task Enqueue_SameDedupeKeyTwice_RecordsOnce()
    {
        // Act
        var first = await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        var second = await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);

        // Assert
        Assert.That((first, second), Is.EqualTo((true, false)));
        Assert.That(await Outbox.CountPendingAsync(_integrationId, CancellationToken.None), Is.EqualTo(1));
    }

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
    public async Task Claim_WhatsAppMessageOfAKnownChat_ComesWithTheChat()
    {
        // Arrange
        var chat = new RoutedChat(_integrationId, "chat-a", 31, "src-31", 77, "open");
        await new RoutingRepository(DataSource).SaveChatAsync(chat, CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Chat("chat-new"), "wa:2"), CancellationToken.None);
        await Outbox.EnqueueAsync(new NewOutboxItem(_integrationId, AgentReply.KindName, Replies("chat-a"), "cw:3", Payload("cw:3")), CancellationToken.None);

        // Act
        var claimed = await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None);

        // Assert: only an inbound row of a chat RyzeApi knows carries it
        Assert.That(claimed.Select(i => i.Chat), Is.EqualTo(new RoutedChat?[] { chat, null, null }));
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
    public async Task Enqueue_WhileAnotherInsertOfTheSameChatIsUncommitted_WaitsForItSoIdsFollowCommitOrder()
    {
        // Arrange: a transaction of the same chat still open (an ingress that has not committed yet).
        await using var open = await DataSource.OpenConnectionAsync();
        await using var transaction = await open.BeginTransactionAsync();
        await using (var first = new Npgsql.NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(1383692901, hashtext(@Chat))", open, transaction))
        {
            first.Parameters.AddWithValue("Chat", OutboxCommands.LaneLock(Item(Chat("chat-a"), "wa:1")));
            await first.ExecuteNonQueryAsync();
        }

        // Act: the chat's insert waits for the lock; another chat's, written meanwhile, goes in another batch
        var sameChat = Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:2"), CancellationToken.None);
        await WaitForAdvisoryLockWaiterAsync();
        var otherChat = await Outbox.EnqueueAsync(Item(Chat("chat-b"), "wa:3"), CancellationToken.None);
        await Task.Delay(300);
        var waited = !sameChat.IsCompleted;
        await transaction.CommitAsync();

        // Assert
        Assert.That(otherChat, Is.True, "other chats are not held up");
        Assert.That(waited, Is.True, "the chat's next row waits for the open insert to commit");
        Assert.That(await sameChat, Is.True);
    }

    [Test]
    public async Task Enqueue_WhileEveryFlusherOfTheCompletionsWaitsForAChatLock_IsRecordedAtOnce()
    {
        // Arrange: as many completions as the writer has flushers, each with a follow-up in a chat whose lock an open
        // transaction holds; each is sent alone (the next only once the previous waits), so each holds a flusher.
        for (var i = 0; i < new RoutingOptions().WriteConnections; i++)
        {
            await Outbox.EnqueueAsync(Item(Chat($"chat-{i}"), $"wa:{i}"), CancellationToken.None);
        }

        var items = await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None);
        await using var open = await DataSource.OpenConnectionAsync();
        await using var transaction = await open.BeginTransactionAsync();
        await using (var hold = new Npgsql.NpgsqlCommand("SELECT pg_advisory_xact_lock(1383692901, hashtext(@Chat))", open, transaction))
        {
            hold.Parameters.AddWithValue("Chat", OutboxCommands.LaneLock(Item(Status("held"), "st:0")));
            await hold.ExecuteNonQueryAsync();
        }

        var completions = new List<Task>();
        foreach (var item in items)
        {
            completions.Add(Outbox.CompleteAsync(item, null, Item(Status("held"), $"st:{item.Id}"), CancellationToken.None));
            await WaitForAdvisoryLockWaiterAsync(completions.Count);
        }

        // Act
        var enqueue = Outbox.EnqueueAsync(Item(Chat("chat-new"), "wa:new"), CancellationToken.None);
        var answered = await Task.WhenAny(enqueue, Task.Delay(TimeSpan.FromSeconds(10))) == enqueue;
        await transaction.CommitAsync();
        await Task.WhenAll(completions);

        // Assert: ingress is answered after its own commit, not after the workers' writes.
        Assert.That(items, Has.Count.EqualTo(new RoutingOptions().WriteConnections));
        Assert.That(answered, Is.True, "the insert waited for the completions' chat lock");
        Assert.That(await enqueue, Is.True);
    }

    [Test]
    public async Task Enqueue_OneWriteThatPostgreSqlRejects_FailsAloneAndTheOthersOfItsBatchAreRecorded()
    {
        // Arrange: jsonb refuses a truncated document; 50 good writes are sent at the same moment, so they share batches with it
        var bad = new NewOutboxItem(_integrationId, WhatsAppMessage.KindName, Chat("chat-x"), "wa:bad", "{\"Text\": ");
        var good = Enumerable.Range(0, 50).Select(i => Item(Chat($"chat-{i % 5}"), $"wa:{i}")).ToList();

        // Act
        var badWrite = Outbox.EnqueueAsync(bad, CancellationToken.None);
        var goodWrites = good.Select(item => Outbox.EnqueueAsync(item, CancellationToken.None)).ToList();

        // Assert
        Assert.ThrowsAsync<DatabaseUnavailableException>(async () => await badWrite);
        Assert.That(await Task.WhenAll(goodWrites), Is.All.True);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM outbox"), Is.EqualTo(50));
    }

    [Test]
    public async Task Enqueue_TextWithNul_IsRecordedWithoutIt()
    {
        // Arrange: jsonb refuses \u0000 (and text the NUL byte); a WhatsApp text can carry one
        var item = new NewOutboxItem(_integrationId, WhatsAppMessage.KindName, Chat("chat-x"), "wa:nul",
            "{\"Text\": \"a\\u0000b\", \"Parts\": [\"\\u0000\", \"c\\\\u0000\"], \"N\": 1}");

        // Act
        var recorded = await Outbox.EnqueueAsync(item, CancellationToken.None);

        // Assert: only real NULs go (an escaped backslash followed by "u0000" is text)
        Assert.That(recorded, Is.True);
        Assert.That(await Database.ScalarAsync<string>("SELECT payload::text FROM outbox"), Is.EqualTo("{\"N\": 1, \"Text\": \"ab\", \"Parts\": [\"\", \"c\\\\u0000\"]}"));
    }

    [Test]
    public async Task Enqueue_ManyAtOnce_EachIsRecordedOnceAndEachCallerLearnsWhetherItsWasNew()
    {
        // Arrange: 200 concurrent writes (they share round trips), every second one repeating an earlier key
        var items = Enumerable.Range(0, 200).Select(i => Item(Chat($"chat-{i % 7}"), $"wa:{i / 2}")).ToList();

        // Act
        var results = await Task.WhenAll(items.Select(item => Outbox.EnqueueAsync(item, CancellationToken.None)));

        // Assert
        Assert.That(results.Count(r => r), Is.EqualTo(100), "one new row per dedupe key");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM outbox"), Is.EqualTo(100));
        var perKey = items.Zip(results).GroupBy(p => p.First.DedupeKey).Select(g => g.Count(p => p.Second));
        Assert.That(perKey, Is.All.EqualTo(1), "exactly one caller per key is told its event is new");
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
    public async Task Complete_RecordsLinkAndFollowUpInTheSameTransaction()
    {
        // Arrange
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        var item = (await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None)).Single();
        var link = new MessageLink(_integrationId, "wa:1", 77, 9, MessageLink.ToChatwoot);

        // Act
        await Outbox.CompleteAsync(item, link, Item(Status("wa:1"), "st:wa:1:sent"), CancellationToken.None);

        // Assert
        Assert.That(await Database.ScalarAsync<string>($"SELECT status FROM outbox WHERE id = {item.Id}"), Is.EqualTo("done"));
        Assert.That(await new RoutingRepository(DataSource).FindLinkAsync(_integrationId, "wa:1", CancellationToken.None), Is.EqualTo(link));
        Assert.That(await Outbox.CountPendingAsync(_integrationId, CancellationToken.None), Is.EqualTo(1));
    }

    [Test]
    public async Task ReplyInFlight_OnlyWhileAReplyToThatChatIsLeased()
    {
        // Arrange
        var routing = new RoutingRepository(DataSource);
        await Outbox.EnqueueAsync(Item(Replies("chat-a"), "cw:1"), CancellationToken.None);
        var waiting = await routing.ReplyInFlightAsync(_integrationId, "chat-a", CancellationToken.None);

        // Act
        var item = (await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None)).Single();
        var leased = await routing.ReplyInFlightAsync(_integrationId, "chat-a", CancellationToken.None);
        var otherChat = await routing.ReplyInFlightAsync(_integrationId, "chat-b", CancellationToken.None);
        await Outbox.CompleteAsync(item, null, null, CancellationToken.None);
        var done = await routing.ReplyInFlightAsync(_integrationId, "chat-a", CancellationToken.None);

        // Assert
        Assert.That((waiting, leased, otherChat, done), Is.EqualTo((false, true, false, false)));
    }

    [Test]
    public async Task LatestReportShown_TheFurthestDoneReportOfThatMessage()
    {
        // Arrange: 3EB0A delivered and read, done; 3EB0B read still pending; 3EB0C only sent, done
        var routing = new RoutingRepository(DataSource);
        await Outbox.EnqueueAsync(Item(Status("3EB0A"), "st:3EB0A:delivered"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Status("3EB0A"), "st:3EB0A:read"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Status("3EB0B"), "st:3EB0B:read"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Status("3EB0C"), "st:3EB0C:sent"), CancellationToken.None);
        for (var round = 0; round < 2; round++)
        {
            foreach (var item in await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None))
            {
                if (item.Lane != Status("3EB0B"))
                {
                    await Outbox.CompleteAsync(item, null, null, CancellationToken.None);
                }
            }
        }

        // Act + Assert
        Assert.That(await routing.LatestReportShownAsync(_integrationId, "3EB0A", CancellationToken.None), Is.EqualTo("read"));
        Assert.That(await routing.LatestReportShownAsync(_integrationId, "3EB0B", CancellationToken.None), Is.Null, "not shown yet");
        Assert.That(await routing.LatestReportShownAsync(_integrationId, "3EB0C", CancellationToken.None), Is.Null, "sent is not later");
        Assert.That(await routing.LatestReportShownAsync("int_other", "3EB0A", CancellationToken.None), Is.Null, "another integration");
    }

    [Test]
    public async Task Claim_HaltedIntegration_HandsOutNothing()
    {
        // Arrange
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        await new RoutingIntegrations(DataSource).SetHealthAsync(
            _integrationId, Domain.Chatwoot.IntegrationStatus.Error, "token rejected", halt: true, CancellationToken.None);

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

    [Test]
    public async Task PurgeDone_RemovesOnlyOldDeliveredRows()
    {
        // Arrange
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Chat("chat-b"), "wa:2"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Chat("chat-c"), "wa:3"), CancellationToken.None);
        var claimed = await Outbox.ClaimAsync("w1", 2, s_lease, CancellationToken.None);
        foreach (var item in claimed)
        {
            await Outbox.CompleteAsync(item, null, null, CancellationToken.None);
        }

        await Database.ExecuteAsync($"UPDATE outbox SET updated_at = now() - interval '8 days' WHERE id = {claimed[0].Id}");

        // Act
        var purged = await Outbox.PurgeDoneAsync(TimeSpan.FromDays(7), CancellationToken.None);

        // Assert
        Assert.That(purged, Is.EqualTo(1));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM outbox"), Is.EqualTo(2));
    }

    [Test]
    public async Task DeletingTheIntegration_DeletesItsOutboxRowsAndMessageLinks()
    {
        // Arrange: a pending row, a done one with its link (the tables have no foreign key: a trigger cascades)
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        await Outbox.EnqueueAsync(Item(Chat("chat-b"), "wa:2"), CancellationToken.None);
        var claimed = await Outbox.ClaimAsync("w1", 1, s_lease, CancellationToken.None);
        await Outbox.CompleteAsync(claimed[0], new MessageLink(_integrationId, "wa:1", 7, 3, MessageLink.ToChatwoot), null, CancellationToken.None);

        // Act
        await new ChatwootIntegrationRepository(DataSource, TimeProvider.System).DeleteByInstanceAsync(_instanceId, CancellationToken.None);

        // Assert
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM outbox"), Is.Zero);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM message_links"), Is.Zero);
    }

    [Test]
    public async Task PurgeDone_RemovesRowsAndLinksWrittenAfterTheirIntegrationWasDeleted()
    {
        // Arrange: what a request that read the integration just before its deletion writes afterwards
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        await Database.ExecuteAsync(
            "INSERT INTO outbox (integration_id, kind, lane_kind, lane_key, dedupe_key, payload) VALUES ('int_gone', 'whatsapp_message', 'chat', 'x', 'wa:9', '{}')");
        await Database.ExecuteAsync(
            "INSERT INTO message_links (integration_id, whatsapp_id, chatwoot_message_id, chatwoot_conversation_id, direction) VALUES ('int_gone', 'wa:9', 1, 1, 'to_chatwoot')");

        // Act
        var purged = await Outbox.PurgeDoneAsync(TimeSpan.FromDays(7), CancellationToken.None);

        // Assert
        Assert.That(purged, Is.EqualTo(2));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE integration_id = 'int_gone'"), Is.Zero);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM message_links"), Is.Zero);
        Assert.That(await Outbox.CountPendingAsync(_integrationId, CancellationToken.None), Is.EqualTo(1), "live rows stay");
    }

    private NewOutboxItem Item(Lane lane, string dedupeKey) =>
        new(_integrationId, WhatsAppMessage.KindName, lane, dedupeKey, Payload(dedupeKey));

    private static string Payload(string id) => $"{{\"Id\": \"{id}\"}}";

    private async Task WaitForAdvisoryLockWaiterAsync(int waiters = 1)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await Database.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") >= waiters)
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail("no insert ever waited for the chat's lock");
    }
}
