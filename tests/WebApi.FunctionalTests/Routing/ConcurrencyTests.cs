using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/architecture.md: concurrent messages of a new chat create exactly one Chatwoot contact and one conversation, and
/// a chat's messages arrive in the order RyzeApi accepted them.</summary>
public sealed class ConcurrencyTests : RoutingTestBase
{
    private const int Count = 50;

    [Test]
    public async Task FiftySimultaneousFirstMessagesOfANewChat_OneContactOneConversationFiftyMessagesInOrder()
    {
        // Arrange
        await ActivateRoutingAsync();
        var messages = Enumerable.Range(1, Count).Select(i => EngineEvents.Text(ContactJid, $"mensagem {i:00}", "João Silva")).ToList();
        using var start = new ManualResetEventSlim();

        // Act
        var posts = messages.Select(m => Task.Run(async () =>
        {
            start.Wait();
            return await PostEventAsync(m.ToJson());
        })).ToList();
        start.Set();
        var answers = await Task.WhenAll(posts);

        // Assert
        Assert.That(answers.Select(a => a.Outcome), Is.All.EqualTo("accepted"));
        await Chatwoot.WaitForMessagesAsync(Count, timeout: Eventually.Deadline);
        await SettledAsync();
        Assert.That(Chatwoot.Contacts, Has.Count.EqualTo(1));
        Assert.That(Chatwoot.ContactInboxes, Has.Count.EqualTo(1));
        Assert.That(Chatwoot.OrphanContactInboxes, Is.Empty);
        var conversation = Chatwoot.Conversations.Single();
        var landed = Chatwoot.MessagesIn(conversation.Id);
        Assert.That(landed, Has.Count.EqualTo(Count));
        Assert.That(landed.Select(m => m.SourceId), Is.Unique);
        // In order: the order RyzeApi accepted them in (the outbox's), whatever order the requests raced in.
        var accepted = await AcceptedOrderAsync();
        Assert.That(landed.Select(m => m.SourceId), Is.EqualTo(accepted.Select(id => "WAID:" + id)));
        Assert.That(accepted, Is.EquivalentTo(messages.Select(m => m.Id)));
    }

    [Test]
    public async Task FiftyMessagesPostedOneAfterAnother_ArriveInThatOrder()
    {
        // Arrange
        await ActivateRoutingAsync();
        var messages = Enumerable.Range(1, Count).Select(i => EngineEvents.Text(ContactJid, $"mensagem {i:00}", "João Silva")).ToList();

        // Act
        foreach (var message in messages)
        {
            await PostEventExpectingAsync(message.ToJson());
        }

        // Assert
        await Chatwoot.WaitForMessagesAsync(Count, timeout: Eventually.Deadline);
        await SettledAsync();
        Assert.That(Chatwoot.Conversations, Has.Count.EqualTo(1));
        Assert.That(Chatwoot.Messages.Select(m => m.Content), Is.EqualTo(messages.Select(m => m.Text)));
    }

    [Test]
    public async Task SimultaneousFirstMessagesOfManyChats_OneContactAndConversationEach()
    {
        // Arrange
        await ActivateRoutingAsync();
        var chats = Enumerable.Range(0, 10).Select(i => $"55119000000{i:00}@s.whatsapp.net").ToList();
        var messages = chats.SelectMany(chat => Enumerable.Range(1, 5).Select(i => EngineEvents.Text(chat, $"{chat} #{i}", "Cliente"))).ToList();

        // Act
        var answers = await Task.WhenAll(messages.Select(m => Task.Run(() => PostEventAsync(m.ToJson()))));

        // Assert
        Assert.That(answers.Select(a => a.Outcome), Is.All.EqualTo("accepted"));
        await Chatwoot.WaitForMessagesAsync(messages.Count, timeout: Eventually.Deadline);
        await SettledAsync();
        Assert.That(Chatwoot.Contacts.Select(c => c.Identifier), Is.EquivalentTo(chats));
        Assert.That(Chatwoot.Conversations, Has.Count.EqualTo(chats.Count));
        Assert.That(Chatwoot.OrphanContactInboxes, Is.Empty);
        foreach (var conversation in Chatwoot.Conversations)
        {
            Assert.That(Chatwoot.MessagesIn(conversation.Id), Has.Count.EqualTo(5));
        }
    }

    private static async Task<IReadOnlyList<string>> AcceptedOrderAsync()
    {
        var ids = await Database.ScalarAsync<string>(
            "SELECT string_agg(payload->>'Id', ',' ORDER BY id) FROM outbox WHERE kind = 'whatsapp_message'");
        return ids!.Split(',');
    }
}
