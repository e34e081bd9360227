namespace RyzeApi.Infrastructure.IntegrationTests.Routing;

/// <summary>Recording rows: deduplicated, numbered in commit order per lane, group-committed, one bad write failing alone.</summary>
public sealed class OutboxWriteTests : OutboxRowsTestBase
{
    [Test]
    public async Task Enqueue_SameDedupeKeyTwice_RecordsOnce()
    {
        // Act
        var first = await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        var second = await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);

        // Assert
        Assert.That((first, second), Is.EqualTo((true, false)));
        Assert.That(await CountPendingAsync(IntegrationId), Is.EqualTo(1));
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
        var bad = new NewOutboxItem(IntegrationId, WhatsAppMessage.KindName, Chat("chat-x"), "wa:bad", "{\"Text\": ");
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
        var item = new NewOutboxItem(IntegrationId, WhatsAppMessage.KindName, Chat("chat-x"), "wa:nul",
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
    public async Task Complete_RecordsLinkAndFollowUpInTheSameTransaction()
    {
        // Arrange
        await Outbox.EnqueueAsync(Item(Chat("chat-a"), "wa:1"), CancellationToken.None);
        var item = (await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None)).Single();
        var link = new MessageLink(IntegrationId, "wa:1", 77, 9, MessageDirection.ToChatwoot);

        // Act
        await Outbox.CompleteAsync(item, link, Item(Status("wa:1"), "st:wa:1:sent"), CancellationToken.None);

        // Assert
        Assert.That(await Database.ScalarAsync<string>($"SELECT status FROM outbox WHERE id = {item.Id}"), Is.EqualTo("done"));
        Assert.That(await new RoutingRepository(DataSource).FindLinkAsync(IntegrationId, "wa:1", CancellationToken.None), Is.EqualTo(link));
        Assert.That(await CountPendingAsync(IntegrationId), Is.EqualTo(1));
    }
}
