using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/chatwoot-webhook.md <c>signMessages</c>: the agent's name in WhatsApp bold, a colon and a newline before the text.</summary>
public sealed class SignMessagesTests : RoutingTestBase
{
    [Test]
    public async Task AgentReply_SignMessagesOn_IsPrefixedWithTheAgentsNameInBold()
    {
        // Arrange
        await ActivateRoutingAsync(signMessages: true);
        var conversation = await ContactWritesAsync();

        // Act
        await AgentRepliesAsync(conversation.Id, "Olá, em que posso ajudar?", "Maria Souza");

        // Assert
        var send = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        Assert.That(send.Kind, Is.EqualTo(FakeEngineSend.TextKind));
        Assert.That(send.Instance, Is.EqualTo(Instance));
        Assert.That(send.Number, Is.EqualTo(ContactJid));
        Assert.That(send.Text, Is.EqualTo("*Maria Souza*:\nOlá, em que posso ajudar?"));
        Assert.That(send.Source, Is.EqualTo("chatwoot"));
    }

    [Test]
    public async Task AgentReply_SignMessagesOff_IsTheTextAsTyped()
    {
        // Arrange
        await ActivateRoutingAsync(signMessages: false);
        var conversation = await ContactWritesAsync();

        // Act
        await AgentRepliesAsync(conversation.Id, "Olá, em que posso ajudar?", "Maria Souza");

        // Assert
        var send = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        Assert.That(send.Number, Is.EqualTo(ContactJid));
        Assert.That(send.Text, Is.EqualTo("Olá, em que posso ajudar?"));
        Assert.That(send.Source, Is.EqualTo("chatwoot"));
    }
}
