using System.Text.Json.Nodes;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/engine-events.md "One person, one contact": a person who arrives by phone JID (with the LID
/// beside it) and by LID alone, in any order, is one Chatwoot contact with one conversation; a contact first seen by
/// LID gets the phone number when it appears (updated, or merged into the contact that had it); replies go to the
/// phone JID when known, else to the LID; a LID's digits are never shown as a phone number.</summary>
public sealed class OnePersonOneContactTests : RoutingTestBase
{
    private const string Lid = "204458374921234@lid";

    [Test]
    public async Task LidFirstThenPhone_IsOneContact_UpdatedWithThePhoneWhenItAppears()
    {
        // Arrange
        await ActivateRoutingAsync();
        var first = await WritesAsync(Lid, null, "primeira");

        // Assert: known by LID only, the contact has its name and no phone number
        var before = Chatwoot.Contacts.Single();
        Assert.That(before.Name, Is.EqualTo("João Silva"));
        Assert.That(before.PhoneNumber, Is.Null);
        Assert.That(before.Identifier, Is.EqualTo(Lid));

        // Act
        var second = await WritesAsync(ContactJid, Lid, "segunda");

        // Assert
        var contact = Chatwoot.Contacts.Single();
        Assert.That(contact.Id, Is.EqualTo(before.Id));
        Assert.That(contact.PhoneNumber, Is.EqualTo(ContactPhone));
        Assert.That(contact.Identifier, Is.EqualTo(ContactJid));
        Assert.That(second.ConversationId, Is.EqualTo(first.ConversationId));
        Assert.That(Chatwoot.Conversations, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task PhoneFirstThenLidOnly_LandsInTheSameChat_AndCostsOneCallEach()
    {
        // Arrange
        await ActivateRoutingAsync();
        var first = await WritesAsync(ContactJid, Lid, "primeira");
        await SettledAsync();
        Chatwoot.ClearRequests();

        // Act
        var second = await WritesAsync(Lid, null, "segunda");
        var third = await WritesAsync(ContactJid, Lid, "terceira");

        // Assert
        Assert.That(new[] { second.ConversationId, third.ConversationId }, Is.All.EqualTo(first.ConversationId));
        Assert.That(Chatwoot.Contacts, Has.Count.EqualTo(1));
        Assert.That(Chatwoot.Contacts.Single().PhoneNumber, Is.EqualTo(ContactPhone));
        Assert.That(Chatwoot.Requests.Select(r => r.Method + " " + r.Path),
            Is.All.EqualTo($"POST /api/v1/accounts/{AccountId}/conversations/{first.ConversationId}/messages"), "one message post each, nothing else");
    }

    [Test]
    public async Task PhoneAlreadyAnotherContactInChatwoot_TheLidContactIsMergedIntoIt_AndTheConversationGoesOn()
    {
        // Arrange: the number is already a contact of the account (a CRM import); the person writes first by LID
        await ActivateRoutingAsync();
        var crm = Chatwoot.AddContact(AccountId, "João (CRM)", "crm-4411", ContactPhone);
        var first = await WritesAsync(Lid, null, "primeira");

        // Act
        var second = await WritesAsync(ContactJid, Lid, "segunda");

        // Assert
        Assert.That(Chatwoot.Contacts.Select(c => c.Id), Is.EqualTo(new[] { crm.Id }), "the LID's contact merged into the one with the number");
        Assert.That(second.ConversationId, Is.EqualTo(first.ConversationId));
        Assert.That(Chatwoot.FindConversation(first.ConversationId)!.ContactId, Is.EqualTo(crm.Id));
        var merge = Chatwoot.Requests.Single(r => r.Path == $"/api/v1/accounts/{AccountId}/actions/contact_merge");
        Assert.That(JsonNode.Parse(merge.Body)!["base_contact_id"]!.GetValue<long>(), Is.EqualTo(crm.Id));
    }

    [Test]
    public async Task TwoChatsOfOnePerson_ByPhoneAndByLid_BecomeOneContactAndGoOnInOneConversation()
    {
        // Arrange: an engine that reported the person by phone alone, then by LID alone: two contacts in Chatwoot
        await ActivateRoutingAsync();
        var byPhone = await WritesAsync(ContactJid, null, "pelo telefone");
        var byLid = await WritesAsync(Lid, null, "pelo LID");
        Assert.That(Chatwoot.Contacts, Has.Count.EqualTo(2));

        // Act: an event names both
        var both = await WritesAsync(ContactJid, Lid, "os dois");
        var phoneAgain = await WritesAsync(ContactJid, null, "telefone de novo");
        var lidAgain = await WritesAsync(Lid, null, "LID de novo");

        // Assert
        var contact = Chatwoot.Contacts.Single();
        Assert.That(contact.PhoneNumber, Is.EqualTo(ContactPhone));
        Assert.That(new[] { phoneAgain.ConversationId, lidAgain.ConversationId }, Is.All.EqualTo(both.ConversationId));
        Assert.That(Chatwoot.FindConversation(byPhone.ConversationId)!.ContactId, Is.EqualTo(contact.Id));
        Assert.That(Chatwoot.FindConversation(byLid.ConversationId)!.ContactId, Is.EqualTo(contact.Id));

        // An agent replying in the older conversation still reaches the person, at the phone JID
        await AgentRepliesAsync(byPhone.ConversationId, "resposta");
        Assert.That((await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single().Number, Is.EqualTo(ContactJid));
    }

    [Test]
    public async Task ReplyToALidOnlyChat_GoesToTheLid_AndToThePhoneOnceItIsKnown()
    {
        // Arrange
        await ActivateRoutingAsync();
        var first = await WritesAsync(Lid, null, "oi");

        // Act
        await AgentRepliesAsync(first.ConversationId, "primeira resposta");
        await Engine.WaitForSendsAsync(1, Eventually.Deadline);
        await WritesAsync(ContactJid, Lid, "meu número apareceu");
        await AgentRepliesAsync(first.ConversationId, "segunda resposta");

        // Assert
        var sends = await Engine.WaitForSendsAsync(2, Eventually.Deadline);
        Assert.That(sends.Select(s => s.Number), Is.EqualTo(new[] { Lid, ContactJid }));
    }

    [Test]
    public async Task ReplyWithSeveralAttachments_ToAChatKeyedByTheLid_SendsEveryPartToThePhone()
    {
        // Arrange: the chat is keyed by the LID; its phone is known
        await ActivateRoutingAsync();
        var first = await WritesAsync(Lid, null, "oi");
        await WritesAsync(ContactJid, Lid, "meu número apareceu");

        // Act
        await AgentRepliesAsync(first.ConversationId, "as fotos",
            attachments: [new FakeFile("a.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 1]), new FakeFile("b.png", "image/png", [0x89, 0x50, 0x4E, 0x47, 2])]);

        // Assert
        var sends = await Engine.WaitForSendsAsync(2, Eventually.Deadline);
        Assert.That(sends.Select(s => (s.FileName, s.Number)), Is.EqualTo(new[] { ("a.png", ContactJid), ("b.png", ContactJid) }));
    }

    private async Task<FakeMessage> WritesAsync(string jid, string? lid, string text)
    {
        var message = EngineEvents.Text(jid, text, "João Silva") with { ChatLid = lid };
        await PostEventExpectingAsync(message.ToJson());
        return await WaitForChatwootMessageAsync(message.Id);
    }
}
