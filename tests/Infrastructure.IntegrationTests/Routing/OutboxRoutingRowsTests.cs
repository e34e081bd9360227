namespace RyzeApi.Infrastructure.IntegrationTests.Routing;

/// <summary>What routing reads from the outbox, and what goes when: purges and the deletion of an integration.</summary>
public sealed class OutboxRoutingRowsTests : OutboxRowsTestBase
{
    [Test]
    public async Task ReplyInFlight_OnlyWhileAReplyToThatChatIsLeased()
    {
        // Arrange
        var routing = new RoutingRepository(DataSource);
        await Outbox.EnqueueAsync(Item(Replies("chat-a"), "cw:1"), CancellationToken.None);
        var waiting = await routing.ReplyInFlightAsync(IntegrationId, "chat-a", null, CancellationToken.None);

        // Act
        var item = (await Outbox.ClaimAsync("w1", 10, s_lease, CancellationToken.None)).Single();
        var leased = await routing.ReplyInFlightAsync(IntegrationId, "chat-a", null, CancellationToken.None);
        var otherChat = await routing.ReplyInFlightAsync(IntegrationId, "chat-b", null, CancellationToken.None);
        await Outbox.CompleteAsync(item, null, null, CancellationToken.None);
        var done = await routing.ReplyInFlightAsync(IntegrationId, "chat-a", null, CancellationToken.None);

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
        Assert.That(await routing.LatestReportShownAsync(IntegrationId, "3EB0A", CancellationToken.None), Is.EqualTo("read"));
        Assert.That(await routing.LatestReportShownAsync(IntegrationId, "3EB0B", CancellationToken.None), Is.Null, "not shown yet");
        Assert.That(await routing.LatestReportShownAsync(IntegrationId, "3EB0C", CancellationToken.None), Is.Null, "sent is not later");
        Assert.That(await routing.LatestReportShownAsync("int_other", "3EB0A", CancellationToken.None), Is.Null, "another integration");
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
        await Outbox.CompleteAsync(claimed[0], new MessageLink(IntegrationId, "wa:1", 7, 3, MessageDirection.ToChatwoot), null, CancellationToken.None);

        // Act
        await new ChatwootIntegrationRepository(DataSource, TimeProvider.System).DeleteByInstanceAsync(InstanceId, CancellationToken.None);

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
        Assert.That(await CountPendingAsync(IntegrationId), Is.EqualTo(1), "live rows stay");
    }
}
