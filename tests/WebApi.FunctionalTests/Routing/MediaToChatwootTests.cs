using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>ENGINE.md media: inline base64 or a URL RyzeApi downloads, uploaded to Chatwoot as an attachment of the
/// message (multipart), the caption as its text.</summary>
public sealed class MediaToChatwootTests : RoutingTestBase
{
    private static readonly byte[] s_jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x02, 0x03];
    private static readonly byte[] s_ogg = [(byte)'O', (byte)'g', (byte)'g', (byte)'S', 0x00, 0x02, 0x00, 0x00, 0x11, 0x22, 0x33];

    [Test]
    public async Task InlineBase64Image_BecomesAChatwootAttachmentWithTheCaption()
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = EngineEvents.Media(ContactJid, EngineEventMedia.Inline("image", s_jpeg, "image/jpeg", "foto.jpg", caption: "veja a foto"), "João");

        // Act
        await PostEventExpectingAsync(message.ToJson());

        // Assert
        var landed = await WaitForChatwootMessageAsync(message.Id);
        Assert.That(landed.MessageType, Is.EqualTo("incoming"));
        Assert.That(landed.Content, Is.EqualTo("veja a foto"));
        var attachment = landed.Attachments.Single();
        Assert.That(attachment.FileName, Is.EqualTo("foto.jpg"));
        Assert.That(attachment.ContentType, Is.EqualTo("image/jpeg"));
        Assert.That(attachment.FileType, Is.EqualTo("image"));
        Assert.That(attachment.Content.ToArray(), Is.EqualTo(s_jpeg));
        AssertPostedAsMultipart(landed.ConversationId);
    }

    [Test]
    public async Task MediaAtAUrl_IsDownloadedAndBecomesAChatwootAttachment()
    {
        // Arrange
        await ActivateRoutingAsync();
        var url = Engine.ServeMedia(s_ogg, "audio/ogg", "voz.ogg");
        var message = EngineEvents.Media(ContactJid, EngineEventMedia.At("audio", url, "audio/ogg", "voz.ogg"), "João");

        // Act
        await PostEventExpectingAsync(message.ToJson(EngineLayout.Flat));

        // Assert
        var landed = await WaitForChatwootMessageAsync(message.Id);
        var attachment = landed.Attachments.Single();
        Assert.That(attachment.FileName, Is.EqualTo("voz.ogg"));
        Assert.That(attachment.ContentType, Is.EqualTo("audio/ogg"));
        Assert.That(attachment.FileType, Is.EqualTo("audio"));
        Assert.That(attachment.Content.ToArray(), Is.EqualTo(s_ogg));
        Assert.That(Engine.Requests.Count(r => r.Method == "GET" && url.EndsWith(r.Path, StringComparison.Ordinal)), Is.EqualTo(1));
        AssertPostedAsMultipart(landed.ConversationId);
    }

    [Test]
    public async Task MediaWithoutAFileName_GetsOneFromItsType()
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = EngineEvents.Media(ContactJid, EngineEventMedia.Inline("image", s_jpeg, "image/jpeg"), "João");

        // Act
        await PostEventExpectingAsync(message.ToJson());

        // Assert
        var attachment = (await WaitForChatwootMessageAsync(message.Id)).Attachments.Single();
        Assert.That(attachment.FileName, Is.EqualTo("image.jpg"));
        Assert.That(attachment.Content.ToArray(), Is.EqualTo(s_jpeg));
    }

    [Test]
    public async Task InlineBase64_IsKeptOutOfTheOutboxPayloadThatClaimsRead()
    {
        // Arrange
        await ActivateRoutingAsync();
        var base64 = Convert.ToBase64String(s_jpeg);
        var message = EngineEvents.Media(ContactJid, EngineEventMedia.Inline("image", s_jpeg, "image/jpeg", "foto.jpg"), "João");

        // Act
        await PostEventExpectingAsync(message.ToJson());

        // Assert: the bytes reach Chatwoot, yet the row every claim reads never held them
        var landed = await WaitForChatwootMessageAsync(message.Id);
        Assert.That(landed.Attachments.Single().Content.ToArray(), Is.EqualTo(s_jpeg));
        var payload = await Database.ScalarAsync<string>($"SELECT payload::text FROM outbox WHERE dedupe_key = 'wa:{message.Id}'");
        Assert.That(payload, Does.Not.Contain(base64).And.Contain("\"StoredApart\": true"));
    }

    [Test]
    public async Task InvalidInlineBase64WithAUrl_IsDownloadedFromTheUrl()
    {
        // Arrange
        await ActivateRoutingAsync();
        var url = Engine.ServeMedia(s_ogg, "audio/ogg", "voz.ogg");
        var media = EngineEventMedia.At("audio", url, "audio/ogg", "voz.ogg") with { Base64 = "not base64!" };
        var message = EngineEvents.Media(ContactJid, media, "João");

        // Act
        await PostEventExpectingAsync(message.ToJson());

        // Assert
        var landed = await WaitForChatwootMessageAsync(message.Id);
        Assert.That(landed.Attachments.Single().Content.ToArray(), Is.EqualTo(s_ogg));
    }

    [Test]
    public async Task InvalidInlineBase64WithoutAUrl_ArrivesWithANoteSayingSo()
    {
        // Arrange
        await ActivateRoutingAsync();
        var media = new EngineEventMedia("image", "image/jpeg", "foto.jpg", "veja", Base64: "not base64!");
        var message = EngineEvents.Media(ContactJid, media, "João");

        // Act
        await PostEventExpectingAsync(message.ToJson());

        // Assert
        var landed = await WaitForChatwootMessageAsync(message.Id);
        Assert.That(landed.Content, Is.EqualTo("veja\n[image could not be downloaded: the engine's base64 is not valid]"));
        Assert.That(landed.Attachments, Is.Empty);
    }

    private void AssertPostedAsMultipart(long conversationId)
    {
        var posts = Chatwoot.Requests
            .Where(r => r.Method == "POST" && r.Path == $"/api/v1/accounts/{AccountId}/conversations/{conversationId}/messages")
            .ToList();
        Assert.That(posts, Has.Count.EqualTo(1));
        Assert.That(posts[0].Header("Content-Type"), Does.StartWith("multipart/form-data"));
        Assert.That(posts[0].Body, Does.Contain("name=\"attachments[]\""));
    }
}
