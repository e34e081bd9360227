using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/chatwoot-webhook.md: an agent's attachments go to WhatsApp as media sends, <c>mediaUrl</c> being the attachment's
/// download URL and the text the caption of the first.</summary>
public sealed class MediaToWhatsAppTests : RoutingTestBase
{
    private static readonly byte[] s_png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x01, 0x02, 0x03, 0x04];
    private static readonly byte[] s_pdf = [(byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', (byte)'1', (byte)'.', (byte)'7', 0x0A];

    [Test]
    public async Task AgentImage_IsSentAsMediaWithItsUrlAndTheTextAsCaption()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();

        // Act
        var reply = await AgentRepliesAsync(conversation.Id, "veja o cardápio", attachments: [new FakeFile("cardapio.png", "image/png", s_png)]);

        // Assert
        var send = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        Assert.That(send.Kind, Is.EqualTo(FakeEngineSend.MediaKind));
        Assert.That(send.Number, Is.EqualTo(ContactJid));
        Assert.That(send.MediaType, Is.EqualTo("image"));
        Assert.That(send.MediaUrl, Is.EqualTo(reply.Attachments.Single().DataUrl));
        Assert.That(send.Caption, Is.EqualTo("veja o cardápio"));
        Assert.That(send.FileName, Is.EqualTo("cardapio.png"));
        Assert.That(send.Source, Is.EqualTo("chatwoot"));
        Assert.That(await DownloadAsync(send.MediaUrl!), Is.EqualTo(s_png), "the engine can fetch the file at mediaUrl");
    }

    [Test]
    public async Task AgentDocumentWithoutText_IsSentAsADocument()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();

        // Act
        await AgentRepliesAsync(conversation.Id, null, attachments: [new FakeFile("boleto.pdf", "application/pdf", s_pdf)]);

        // Assert
        var send = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        Assert.That(send.Kind, Is.EqualTo(FakeEngineSend.MediaKind));
        Assert.That(send.MediaType, Is.EqualTo("document"));
        Assert.That(send.FileName, Is.EqualTo("boleto.pdf"));
        Assert.That(send.Caption, Is.Null);
        Assert.That(await DownloadAsync(send.MediaUrl!), Is.EqualTo(s_pdf));
    }

    [Test]
    public async Task AgentTwoAttachments_AreTwoMediaSendsInOrder()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();

        // Act
        await AgentRepliesAsync(conversation.Id, "os dois", attachments:
            [new FakeFile("a.png", "image/png", s_png), new FakeFile("b.pdf", "application/pdf", s_pdf)]);

        // Assert
        var sends = await Engine.WaitForSendsAsync(2, Eventually.Deadline);
        Assert.That(sends.Select(s => (s.MediaType, s.FileName, s.Caption)), Is.EqualTo(new[]
        {
            ("image", "a.png", "os dois"),
            ("document", "b.pdf", (string?)null),
        }));
    }

    private static async Task<byte[]> DownloadAsync(string url)
    {
        using var client = new HttpClient();
        return await client.GetByteArrayAsync(url);
    }
}
