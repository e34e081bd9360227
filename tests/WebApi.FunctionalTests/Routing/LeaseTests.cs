using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>ADR 10: a claimed chat stays with its worker for as long as it takes to deliver it, even when that is
/// longer than <c>Routing:LeaseDuration</c> (3 s here): other workers must not take it over and deliver again.</summary>
public sealed class LeaseTests : RoutingTestBase
{
    [Test]
    public async Task SlowChatwoot_ChatTakesLongerThanTheLease_EachMessageDeliveredOnceInOrder()
    {
        // Arrange: every message takes 150 ms in Chatwoot, so 40 messages of one chat take twice the lease.
        await ActivateRoutingAsync();
        await ContactWritesAsync("primeira");
        Chatwoot.ScriptAlways(FakeFault.Slow(TimeSpan.FromMilliseconds(150)), r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal));
        var messages = Enumerable.Range(1, 40).Select(i => EngineEvents.Text(ContactJid, $"mensagem {i:00}", "João Silva")).ToList();

        // Act
        foreach (var message in messages)
        {
            await PostEventExpectingAsync(message.ToJson());
        }

        // Assert
        await Chatwoot.WaitForMessagesAsync(messages.Count + 1, timeout: TimeSpan.FromMinutes(2));
        await SettledAsync();
        Assert.That(Chatwoot.Messages.Select(m => m.Content), Is.EqualTo(new[] { "primeira" }.Concat(messages.Select(m => m.Text))));
        Assert.That(Chatwoot.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal)), Is.EqualTo(messages.Count + 1),
            "each message posted once");
    }
}
