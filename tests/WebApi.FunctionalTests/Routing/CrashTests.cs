using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/architecture.md and ADR 10: the API process killed outright (SIGKILL) while deliveries are pending — some in flight
/// — loses nothing and repeats nothing: after a restart each message is delivered exactly once. Leases bring back
/// the dead worker's rows; the <c>source_id</c> lookup finds the message that landed just before the kill.</summary>
[NonParallelizable]
public sealed class CrashTests : ApiProcessTestBase
{
    [Test]
    public async Task ApiKilledWhileDeliveringToChatwoot_AfterRestartEachMessageIsDeliveredExactlyOnce()
    {
        // Arrange: Chatwoot takes 100 ms per message, so a kill lands mid-delivery.
        var baseUrl = FreeBaseUrl();
        var first = await StartApiAsync(baseUrl);
        await ActivateAsync(first);
        Chatwoot.ScriptAlways(FakeFault.Slow(TimeSpan.FromMilliseconds(100)), IsMessagePost);
        var chats = Conversations(chats: 10, perChat: 20);
        using (var client = first.CreateClient())
        {
            await Task.WhenAll(chats.Select(chat => Task.Run(async () =>
            {
                foreach (var message in chat)
                {
                    await PostEventAsync(client, message.ToJson());
                }
            })));
        }

        await Eventually.UntilAsync(() => Chatwoot.Messages.Count >= 20, "some deliveries before the kill");

        // Act
        first.Kill();
        var pendingAtTheKill = await PendingWorkAsync();
        Chatwoot.ClearScripts();
        await StartApiAsync(baseUrl);

        // Assert
        Assert.That(pendingAtTheKill, Is.GreaterThan(0), "deliveries were pending when the process died");
        await AssertEachDeliveredOnceInOrderAsync(chats, TimeSpan.FromMinutes(3));
    }

    [Test]
    public async Task ApiKilledDuringAChatwootOutage_AfterRestartAndRecoveryEachMessageIsDeliveredExactlyOnce()
    {
        // Arrange
        var baseUrl = FreeBaseUrl();
        var first = await StartApiAsync(baseUrl);
        await ActivateAsync(first);
        Chatwoot.ScriptAlways(FakeFault.NginxPage(502));
        var chats = Conversations(chats: 5, perChat: 20);
        using (var client = first.CreateClient())
        {
            foreach (var message in chats.SelectMany(c => c))
            {
                await PostEventAsync(client, message.ToJson());
            }
        }

        await Eventually.UntilAsync(() => Chatwoot.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/contacts", StringComparison.Ordinal)) >= 5,
            "delivery attempts during the outage");

        // Act
        first.Kill();
        Chatwoot.ClearScripts();
        await StartApiAsync(baseUrl);

        // Assert
        await AssertEachDeliveredOnceInOrderAsync(chats, TimeSpan.FromMinutes(3));
    }

    [Test]
    public async Task ApiKilledWhileAgentRepliesWaitForTheEngine_AfterRestartEachIsSentExactlyOnce()
    {
        // Arrange: a conversation, then the engine goes away and agents keep answering.
        var baseUrl = FreeBaseUrl();
        var first = await StartApiAsync(baseUrl);
        await ActivateAsync(first);
        var opening = EngineEvents.Text("5511999999999@s.whatsapp.net", "oi", "João");
        using (var client = first.CreateClient())
        {
            await PostEventAsync(client, opening.ToJson());
        }

        var conversationId = (await Chatwoot.WaitForMessagesAsync(1, m => m.SourceId == "WAID:" + opening.Id, Eventually.Deadline)).Single().ConversationId;
        await Engine.RefuseConnectionsAsync();
        var replies = Enumerable.Range(1, 10).Select(i => $"resposta {i}").ToList();
        foreach (var reply in replies)
        {
            using var answer = await Chatwoot.SendAgentReplyAsync(conversationId, reply, "Maria");
            Assert.That(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        }

        await Eventually.WaitAsync(PendingWorkAsync, n => n == replies.Count, "the replies recorded and waiting");

        // Act
        first.Kill();
        await Engine.AcceptConnectionsAsync();
        await StartApiAsync(baseUrl);

        // Assert
        await Engine.WaitForSendsAsync(replies.Count, TimeSpan.FromMinutes(2));
        await Eventually.WaitAsync(PendingWorkAsync, n => n == 0, "no pending work");
        Assert.That(Engine.Sends.Select(s => s.Text), Is.EqualTo(replies), "each sent once, in order");
    }

    private static bool IsMessagePost(RecordedRequest request) =>
        request.Method == "POST" && request.Path.EndsWith("/messages", StringComparison.Ordinal);
}
