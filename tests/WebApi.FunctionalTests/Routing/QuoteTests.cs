using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/engine-events.md, "Every kind of message in Chatwoot": a quoted reply is linked to the quoted
/// message of the conversation (<c>content_attributes.in_reply_to_external_id</c>, and <c>in_reply_to</c> when RyzeApi
/// linked it); a quote of a message Chatwoot does not hold there carries the quoted text as one line.</summary>
public sealed class QuoteTests : KindsTestBase
{
    [TestCase("\"replyTo\": {\"messageId\": \"{0}\"}")]
    [TestCase("\"replyTo\": \"{0}\"")]
    [TestCase("\"quoted\": {\"id\": \"{0}\", \"text\": \"oi\"}")]
    [TestCase("\"quotedMessageId\": \"{0}\"")]
    [TestCase("\"contextInfo\": {\"stanzaId\": \"{0}\"}")]
    public async Task QuoteOfAMessageInTheConversation_RepliesToIt(string spelling)
    {
        // Arrange
        await ActivateRoutingAsync();
        var original = await CustomerWritesAsync("oi");
        var reply = EngineEvents.Text(ContactJid, "sobre isso", "João");

        // Act
        await PostEventExpectingAsync(EventFields.With(reply, spelling.Replace("{0}", original.WhatsAppId, StringComparison.Ordinal)));

        // Assert
        var landed = await WaitForChatwootMessageAsync(reply.Id);
        Assert.That((landed.Content, landed.InReplyTo, landed.InReplyToExternalId),
            Is.EqualTo(("sobre isso", (long?)original.Chatwoot.Id, "WAID:" + original.WhatsAppId)), "linked, so no quoted text");
    }

    [Test]
    public async Task QuoteOfAnAgentsReply_RepliesToItByItsChatwootId()
    {
        // Arrange: an agent's message has no WAID source id in Chatwoot; only its link knows it.
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync("oi");
        var agent = await AgentRepliesAsync(conversation.Id, "posso ajudar?");
        var sent = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        await SettledAsync();
        var reply = EngineEvents.Text(ContactJid, "sim", "João");

        // Act
        await PostEventExpectingAsync(EventFields.With(reply, $"\"replyTo\": {{\"messageId\": \"{sent.MessageId}\", \"content\": \"posso ajudar?\"}}"));

        // Assert
        var landed = await WaitForChatwootMessageAsync(reply.Id);
        Assert.That((landed.Content, landed.InReplyTo), Is.EqualTo(("sim", (long?)agent.Id)));
    }

    [TestCase("\"replyTo\": {\"messageId\": \"3EB0OLD\", \"content\": \"the old\\nquestion\"}")]
    [TestCase("\"quoted\": {\"id\": \"3EB0OLD\", \"text\": \"the old\\nquestion\"}")]
    public async Task QuoteOfAMessageNotInTheConversation_CarriesTheQuotedTextAsOneLine(string spelling)
    {
        // Arrange
        await ActivateRoutingAsync();
        await CustomerWritesAsync("oi");
        var reply = EngineEvents.Text(ContactJid, "still waiting", "João");

        // Act
        await PostEventExpectingAsync(EventFields.With(reply, spelling));

        // Assert: Chatwoot finds no WAID:3EB0OLD in the conversation and wipes the reference.
        var landed = await WaitForChatwootMessageAsync(reply.Id);
        Assert.That(landed.Content, Is.EqualTo("> the old question\n\nstill waiting"));
        Assert.That((landed.IsReply, landed.InReplyTo, landed.InReplyToExternalId), Is.EqualTo((true, (long?)null, (string?)null)));
    }

    [Test]
    public async Task QuotedMedia_IsTheAttachmentReplyingToTheQuotedMessage()
    {
        // Arrange: a message with a file goes as multipart, where the reply is a bracketed form field.
        await ActivateRoutingAsync();
        var original = await CustomerWritesAsync("qual foto?");
        var photo = EngineEvents.Media(ContactJid, EngineEventMedia.Inline("image", [1, 2, 3], "image/jpeg", "a.jpg", "esta"), "João");

        // Act
        await PostEventExpectingAsync(EventFields.With(photo, $"\"quotedMessageId\": \"{original.WhatsAppId}\""));

        // Assert
        var landed = await WaitForChatwootMessageAsync(photo.Id);
        Assert.That((landed.Content, landed.Attachments.Single().FileType, landed.InReplyTo), Is.EqualTo(("esta", "image", (long?)original.Chatwoot.Id)));
    }
}
