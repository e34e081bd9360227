using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/engine-events.md <c>ignoreGroups</c>: group chats are not routed; kept, a group is one contact and each message
/// says who in the group wrote it.</summary>
public sealed class IgnoreGroupsTests : RoutingTestBase
{
    private const string GroupJid = "120363025246125486@g.us";

    [Test]
    public async Task GroupMessage_IgnoreGroupsOn_IsIgnoredAndNothingReachesChatwoot()
    {
        // Arrange
        await ActivateRoutingAsync(ignoreGroups: true);
        Chatwoot.ClearRequests();

        // Act
        var (status, outcome, body) = await PostEventAsync(
            EngineEvents.GroupText(GroupJid, "Equipe de Vendas", "5511888888888@s.whatsapp.net", "Ana", "bom dia").ToJson());

        // Assert
        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted), body);
        Assert.That(outcome, Is.EqualTo("ignored"), body);
        Assert.That(await OutboxCountAsync("whatsapp_message"), Is.Zero);
        // A private chat after it is routed: had the group been, it would be there first.
        await ContactWritesAsync("depois do grupo");
        await SettledAsync();
        Assert.That(Chatwoot.Contacts.Select(c => c.Identifier), Is.EqualTo(new[] { ContactJid }));
        Assert.That(Chatwoot.Messages.Select(m => m.Content), Is.EqualTo(new[] { "depois do grupo" }));
    }

    [Test]
    public async Task GroupMessages_IgnoreGroupsOff_OneContactForTheGroupAndEachParticipantNamedBeforeTheText()
    {
        // Arrange
        await ActivateRoutingAsync(ignoreGroups: false);
        var first = EngineEvents.GroupText(GroupJid, "Equipe de Vendas", "5511888888888@s.whatsapp.net", "Ana", "bom dia");
        var second = EngineEvents.GroupText(GroupJid, "Equipe de Vendas", "5511777777777@s.whatsapp.net", "Bruno", "olá a todos");

        // Act
        await PostEventExpectingAsync(first.ToJson());
        await PostEventExpectingAsync(second.ToJson(EngineLayout.Flat));

        // Assert
        var firstLanded = await WaitForChatwootMessageAsync(first.Id);
        var secondLanded = await WaitForChatwootMessageAsync(second.Id);
        var contact = Chatwoot.Contacts.Single();
        Assert.That(contact.Name, Is.EqualTo("Equipe de Vendas"));
        Assert.That(contact.Identifier, Is.EqualTo(GroupJid));
        Assert.That(contact.PhoneNumber, Is.Null, "a group has no phone number");
        Assert.That(Chatwoot.Conversations, Has.Count.EqualTo(1));
        Assert.That(firstLanded.ConversationId, Is.EqualTo(secondLanded.ConversationId));
        Assert.That(firstLanded.MessageType, Is.EqualTo("incoming"));
        Assert.That(firstLanded.Content, Is.EqualTo("**Ana** (+5511888888888):\nbom dia"));
        Assert.That(secondLanded.Content, Is.EqualTo("**Bruno** (+5511777777777):\nolá a todos"));
    }

    [Test]
    public async Task AgentReplyInAGroupConversation_IgnoreGroupsOff_IsSentToTheGroup()
    {
        // Arrange
        await ActivateRoutingAsync(ignoreGroups: false);
        var message = EngineEvents.GroupText(GroupJid, "Equipe de Vendas", "5511888888888@s.whatsapp.net", "Ana", "bom dia");
        await PostEventExpectingAsync(message.ToJson());
        var landed = await WaitForChatwootMessageAsync(message.Id);

        // Act
        await AgentRepliesAsync(landed.ConversationId, "bom dia, equipe");

        // Assert
        var send = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        Assert.That(send.Number, Is.EqualTo(GroupJid));
        Assert.That(send.Text, Is.EqualTo("bom dia, equipe"));
    }
}
