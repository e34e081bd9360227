using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/architecture.md: a Chatwoot outage loses nothing. Events keep being accepted, deliveries are retried with backoff
/// while the integration shows <c>paused</c>, and once Chatwoot is back each event is delivered exactly once, in
/// order per chat, and the integration is <c>active</c> again. The info endpoint's own live check meets the outage
/// too, and must not turn it into anything but <c>paused</c>.</summary>
public sealed class OutageTests : RoutingTestBase
{
    [Test]
    public async Task ChatwootAnswers502_ThousandEventsMeanwhile_AllDeliveredOnceAfterItReturns_PausedThenActive()
    {
        // Arrange
        await ActivateRoutingAsync();
        Chatwoot.ScriptAlways(FakeFault.NginxPage(502));

        // Act
        var messages = await PostDuringOutageAsync(chats: 20, perChat: 50);
        var during = await Eventually.WaitAsync(InfoStatusAsync, s => s == "paused", "status paused during the outage");
        var stillDuring = await InfoStatusAsync();
        Chatwoot.ClearScripts();

        // Assert
        Assert.That(during, Is.EqualTo("paused"));
        Assert.That(stillDuring, Is.EqualTo("paused"), "the info endpoint's live check met the outage and left the status alone");
        await AssertAllDeliveredOnceInOrderAsync(messages);
        Assert.That(await Eventually.WaitAsync(InfoStatusAsync, s => s == "active", "status active after the outage"), Is.EqualTo("active"));
        Assert.That(await Database.ScalarAsync<string>("SELECT last_error FROM chatwoot_integrations"), Is.Empty);
    }

    [Test]
    public async Task ChatwootRefusesConnections_EventsMeanwhile_AllDeliveredOnceAfterItReturns_PausedThenActive()
    {
        // Arrange: some chats already known (steady state), others new.
        await ActivateRoutingAsync();
        await ContactWritesAsync("antes", "5511900000000@s.whatsapp.net");
        await SettledAsync();
        Chatwoot.ScriptAlways(FakeFault.DropConnection());

        // Act
        var messages = await PostDuringOutageAsync(chats: 5, perChat: 20);
        var during = await Eventually.WaitAsync(InfoStatusAsync, s => s == "paused", "status paused during the outage");
        var lastError = await Database.ScalarAsync<string>("SELECT last_error FROM chatwoot_integrations");
        Chatwoot.ClearScripts();

        // Assert
        Assert.That(during, Is.EqualTo("paused"));
        Assert.That(lastError, Does.StartWith("Chatwoot or the engine is unavailable; deliveries are being retried"));
        await AssertAllDeliveredOnceInOrderAsync(messages);
        Assert.That(await Eventually.WaitAsync(InfoStatusAsync, s => s == "active", "status active after the outage"), Is.EqualTo("active"));
    }

    /// <summary>Posts <paramref name="perChat"/> messages to each of <paramref name="chats"/> chats: the chats in
    /// parallel, each chat's messages one after another (so their order is known).</summary>
    private async Task<IReadOnlyList<EngineChatMessage>> PostDuringOutageAsync(int chats, int perChat)
    {
        var byChat = Enumerable.Range(0, chats)
            .Select(c => Enumerable.Range(1, perChat)
                .Select(i => EngineEvents.Text($"55119{c:00000000}@s.whatsapp.net", $"chat {c} mensagem {i}", $"Cliente {c}"))
                .ToList())
            .ToList();
        await Task.WhenAll(byChat.Select(chat => Task.Run(async () =>
        {
            foreach (var message in chat)
            {
                await PostEventExpectingAsync(message.ToJson());
            }
        })));
        return [.. byChat.SelectMany(c => c)];
    }

    private async Task AssertAllDeliveredOnceInOrderAsync(IReadOnlyList<EngineChatMessage> messages)
    {
        var expected = messages.Select(m => "WAID:" + m.Id).ToHashSet();
        await Chatwoot.WaitForMessagesAsync(messages.Count, m => expected.Contains(m.SourceId!), TimeSpan.FromMinutes(3));
        await SettledAsync();
        var landed = Chatwoot.Messages.Where(m => expected.Contains(m.SourceId!)).ToList();
        var twice = landed.GroupBy(m => m.SourceId).Where(g => g.Count() > 1).Select(g => g.Key!["WAID:".Length..]).ToList();
        if (twice.Count > 0)
        {
            var rows = await Database.ScalarAsync<string>(
                "SELECT string_agg(format('%s attempts=%s status=%s err=%s', payload->>'Id', attempts, status, last_error), E'\n') FROM outbox WHERE payload->>'Id' IN ('"
                + string.Join("','", twice) + "')");
            TestContext.Out.WriteLine(rows);
            TestContext.Out.WriteLine(string.Join("\n", Api.Logs.Lines.Where(l => !l.StartsWith("Information", StringComparison.Ordinal) && !l.StartsWith("Debug", StringComparison.Ordinal)).Take(50)));
        }

        Assert.That(landed, Has.Count.EqualTo(messages.Count), "each delivered exactly once");
        Assert.That(landed.Select(m => m.SourceId), Is.Unique);
        foreach (var chat in messages.GroupBy(m => m.ChatJid))
        {
            var ids = chat.Select(m => "WAID:" + m.Id).ToHashSet();
            var order = landed.Where(m => ids.Contains(m.SourceId!)).OrderBy(m => m.Id).Select(m => m.Content);
            Assert.That(order, Is.EqualTo(chat.Select(m => m.Text)), $"the order of {chat.Key}");
        }

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE status = 'failed'"), Is.Zero);
        Assert.That(Chatwoot.OrphanContactInboxes, Is.Empty);
    }
}
