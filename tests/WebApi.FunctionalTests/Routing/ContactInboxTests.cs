using System.Text.Json.Nodes;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/engine-events.md: a new contact is created with <c>inbox_id</c> and the conversation with the <c>source_id</c> of
/// the contact inbox that creation returned — without it Chatwoot adds an orphan contact inbox and replies vanish.
/// The contact is created once per chat and remembered: steady state is one Chatwoot call per message.</summary>
public sealed class ContactInboxTests : RoutingTestBase
{
    [Test]
    public async Task FirstMessage_CreatesTheContactInTheInboxAndTheConversationOnItsContactInbox()
    {
        // Arrange
        await ActivateRoutingAsync();

        // Act
        var conversation = await ContactWritesAsync();

        // Assert
        var contact = Chatwoot.Contacts.Single();
        Assert.That(contact.Name, Is.EqualTo("João Silva"));
        Assert.That(contact.Identifier, Is.EqualTo(ContactJid));
        Assert.That(contact.PhoneNumber, Is.EqualTo(ContactPhone));
        var create = JsonNode.Parse(Chatwoot.Requests.Single(r => r.Method == "POST" && r.Path == $"/api/v1/accounts/{AccountId}/contacts").Body)!;
        Assert.That(create["inbox_id"]!.GetValue<long>(), Is.EqualTo(Inbox.Id));
        var contactInbox = Chatwoot.ContactInboxes.Single();
        Assert.That(contactInbox.ContactId, Is.EqualTo(contact.Id));
        Assert.That(contactInbox.InboxId, Is.EqualTo(Inbox.Id));
        var conversationCreate = JsonNode.Parse(
            Chatwoot.Requests.Single(r => r.Method == "POST" && r.Path == $"/api/v1/accounts/{AccountId}/conversations").Body)!;
        Assert.That(conversationCreate["source_id"]!.GetValue<string>(), Is.EqualTo(contactInbox.SourceId));
        Assert.That(conversation.ContactInboxId, Is.EqualTo(contactInbox.Id));
        Assert.That(Chatwoot.OrphanContactInboxes, Is.Empty);
    }

    [Test]
    public async Task LaterMessages_CostOneChatwootCallEach_AndAgentRepliesReachTheChat()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync("primeira");
        await SettledAsync();
        Chatwoot.ClearRequests();

        // Act
        for (var i = 0; i < 5; i++)
        {
            await ContactWritesAsync($"mensagem {i}");
        }

        await AgentRepliesAsync(conversation.Id, "resposta");

        // Assert
        await Engine.WaitForSendsAsync(1, Eventually.Deadline);
        Assert.That(Chatwoot.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal)), Is.EqualTo(5));
        Assert.That(Chatwoot.Requests.Where(r => r.Path.Contains("/contacts", StringComparison.Ordinal)), Is.Empty, "no contact search or creation");
        Assert.That(Chatwoot.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/conversations", StringComparison.Ordinal)), Is.Empty);
        Assert.That(Chatwoot.Contacts, Has.Count.EqualTo(1));
        Assert.That(Chatwoot.ContactInboxes, Has.Count.EqualTo(1));
        Assert.That(Chatwoot.OrphanContactInboxes, Is.Empty);
    }

    [Test]
    public async Task ContactAlreadyInChatwoot_IsFoundAndGivenAContactInboxInsteadOfADuplicate()
    {
        // Arrange: the number is already a contact of the account (another inbox, an import…), not in our inbox.
        await ActivateRoutingAsync();
        var existing = Chatwoot.AddContact(AccountId, "João (CRM)", ContactJid, ContactPhone);

        // Act
        var message = EngineEvents.Text(ContactJid, "oi", "João Silva");
        await PostEventExpectingAsync(message.ToJson());

        // Assert
        var landed = await WaitForChatwootMessageAsync(message.Id);
        Assert.That(Chatwoot.Contacts.Select(c => c.Id), Is.EqualTo(new[] { existing.Id }));
        var conversation = Chatwoot.FindConversation(landed.ConversationId)!;
        Assert.That(conversation.ContactId, Is.EqualTo(existing.Id));
        var contactInbox = Chatwoot.ContactInboxes.Single();
        Assert.That(contactInbox.InboxId, Is.EqualTo(Inbox.Id));
        Assert.That(conversation.ContactInboxId, Is.EqualTo(contactInbox.Id));
        Assert.That(Chatwoot.OrphanContactInboxes, Is.Empty);
    }
}
