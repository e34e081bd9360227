using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/engine-events.md and chatwoot-webhook.md, Formatting: WhatsApp's <c>*bold*</c>, <c>_italic_</c>,
/// <c>~strike~</c> and <c>```mono```</c> arrive as Chatwoot markdown, and an agent's markdown leaves as WhatsApp's.</summary>
public sealed class FormattingTests : RoutingTestBase
{
    [Test]
    public async Task CustomerWritesWithFormatting_ChatwootGetsMarkdown()
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = EngineEvents.Text(ContactJid, "*Pedido 2*3*4* _urgente_ ~cancelado~ ```id_do_pedido``` https://loja.example.com/a_b_c", "João Silva");

        // Act
        await PostEventExpectingAsync(message.ToJson());

        // Assert
        var landed = await WaitForChatwootMessageAsync(message.Id);
        Assert.That(landed.Content, Is.EqualTo("**Pedido 2*3*4** *urgente* ~~cancelado~~ `id_do_pedido` https://loja.example.com/a_b_c"));
    }

    [Test]
    public async Task CustomerSendsAnImageWithAFormattedCaption_TheCaptionIsMarkdown()
    {
        // Arrange
        await ActivateRoutingAsync();
        var media = EngineEventMedia.Inline("image", [0xFF, 0xD8, 0xFF, 0xE0], "image/jpeg", "foto.jpg", "veja o *defeito* no canto_superior");
        var message = EngineEvents.Media(ContactJid, media, "João Silva");

        // Act
        await PostEventExpectingAsync(message.ToJson());

        // Assert
        var landed = await WaitForChatwootMessageAsync(message.Id);
        Assert.That(landed.Content, Is.EqualTo("veja o **defeito** no canto_superior"));
    }

    [Test]
    public async Task AgentRepliesWithMarkdown_WhatsAppGetsItsFormatting([Values] bool signMessages)
    {
        // Arrange
        await ActivateRoutingAsync(signMessages: signMessages);
        var conversation = await ContactWritesAsync();

        // Act
        await AgentRepliesAsync(conversation.Id, "**Pronto**, seu pedido está *a caminho*: ~~ontem~~ hoje. Código `AB_12`, 2*3*4 itens, suporte_2@loja.example.com", "Maria Souza");

        // Assert: the signature is WhatsApp bold already
        var send = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        const string text = "*Pronto*, seu pedido está _a caminho_: ~ontem~ hoje. Código ```AB_12```, 2*3*4 itens, suporte_2@loja.example.com";
        Assert.That(send.Text, Is.EqualTo(signMessages ? "*Maria Souza*:\n" + text : text));
    }
}
