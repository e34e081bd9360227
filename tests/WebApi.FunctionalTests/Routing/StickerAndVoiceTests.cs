using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/engine-events.md, "Every kind of message in Chatwoot": stickers, voice notes (<c>ptt</c>),
/// video notes (<c>ptv</c>), audio and video arrive as the attachment Chatwoot shows for them, also when the engine
/// gives no content type.</summary>
public sealed class StickerAndVoiceTests : RoutingTestBase
{
    private static readonly byte[] s_file = [0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4];

    [TestCase("sticker", "image", "image/webp", "sticker.webp")]
    [TestCase("ptt", "audio", "audio/ogg", "ptt.ogg")]
    [TestCase("audio", "audio", "audio/ogg", "audio.ogg")]
    [TestCase("ptv", "video", "video/mp4", "ptv.mp4")]
    [TestCase("video", "video", "video/mp4", "video.mp4")]
    public async Task MediaKindWithoutContentType_IsTheAttachmentChatwootShowsForIt(string type, string fileType, string contentType, string fileName)
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = EngineEvents.Media(ContactJid, new EngineEventMedia(type, null, Base64: Convert.ToBase64String(s_file)), "João");

        // Act
        await PostEventExpectingAsync(message.ToJson());

        // Assert
        var file = (await WaitForChatwootMessageAsync(message.Id)).Attachments.Single();
        Assert.That((file.FileType, file.ContentType, file.FileName), Is.EqualTo((fileType, contentType, fileName)));
        Assert.That(file.Content.ToArray(), Is.EqualTo(s_file));
    }

    [Test]
    public async Task MediaWithoutItsType_TakesTheMessagesType()
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = EngineEvents.Text(ContactJid, "x", "João") with { Type = "sticker", Text = null };

        // Act
        await PostEventExpectingAsync(EventFields.With(message, $"\"media\": {{\"base64\": \"{Convert.ToBase64String(s_file)}\"}}"));

        // Assert
        var file = (await WaitForChatwootMessageAsync(message.Id)).Attachments.Single();
        Assert.That((file.FileType, file.FileName), Is.EqualTo(("image", "sticker.webp")));
    }

    [Test]
    public async Task VoiceNoteAtAUrlServedWithoutAType_IsAudio()
    {
        // Arrange: storage services often serve files as application/octet-stream.
        await ActivateRoutingAsync();
        var url = Engine.ServeMedia(s_file, "application/octet-stream", "file");
        var message = EngineEvents.Media(ContactJid, new EngineEventMedia("ptt", null, Url: url), "João");

        // Act
        await PostEventExpectingAsync(message.ToJson());

        // Assert
        var file = (await WaitForChatwootMessageAsync(message.Id)).Attachments.Single();
        Assert.That((file.FileType, file.ContentType), Is.EqualTo(("audio", "audio/ogg")));
    }

    [Test]
    public async Task VoiceNoteWithItsOwnContentType_KeepsIt()
    {
        // Arrange
        await ActivateRoutingAsync();
        var url = Engine.ServeMedia(s_file, "audio/ogg; codecs=opus", "voz.ogg");
        var message = EngineEvents.Media(ContactJid, EngineEventMedia.At("ptt", url, "audio/ogg; codecs=opus"), "João");

        // Act
        await PostEventExpectingAsync(message.ToJson());

        // Assert
        var file = (await WaitForChatwootMessageAsync(message.Id)).Attachments.Single();
        Assert.That((file.FileType, file.FileName), Is.EqualTo(("audio", "ptt.ogg")));
    }
}
