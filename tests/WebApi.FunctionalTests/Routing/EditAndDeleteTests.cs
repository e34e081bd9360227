using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/engine-events.md, "Every kind of message in Chatwoot": Chatwoot's API cannot edit a message,
/// so an edit is a new message <c>✏️ new text</c> replying to the original; a deletion for everyone is a private note
/// replying to the original, which stays visible to agents.</summary>
public sealed class EditAndDeleteTests : KindsTestBase
{
    private const string DeletedNote = "🗑️ The customer deleted this message for everyone";

    [TestCase("\"editedId\": \"{0}\"")]
    [TestCase("\"editedMessageId\": \"{0}\"")]
    [TestCase("\"originalId\": \"{0}\"")]
    [TestCase("\"replyTo\": {\"messageId\": \"{0}\"}")]
    [TestCase("\"key\": {\"id\": \"{0}\"}")]
    public async Task Edit_IsANewMessageMarkedEditedReplyingToTheOriginal(string spelling)
    {
        // Arrange
        await ActivateRoutingAsync();
        var original = await CustomerWritesAsync("chego às 10");
        var edit = EngineEvents.Text(ContactJid, "chego às 11", "João") with { Type = "message_edit", IsEdit = true };

        // Act
        await PostEventExpectingAsync(EventFields.With(edit, spelling.Replace("{0}", original.WhatsAppId, StringComparison.Ordinal)));

        // Assert
        var landed = (await Chatwoot.WaitForMessagesAsync(1, m => m.SourceId == $"WAID:{edit.Id}:edit", Eventually.Deadline)).Single();
        Assert.That((landed.Content, landed.Private, landed.MessageType, landed.InReplyTo),
            Is.EqualTo(("✏️ chego às 11", false, "incoming", (long?)original.Chatwoot.Id)));
        Assert.That(MessageNow(original.Chatwoot).Content, Is.EqualTo("chego às 10"), "the original is left as it was");
    }

    [Test]
    public async Task Edit_IsDedupedOnItsOwnId_TwoEditsOfOneMessageBothArrive()
    {
        // Arrange
        await ActivateRoutingAsync();
        var original = await CustomerWritesAsync("chego às 10");
        var first = EngineEvents.Edit(ContactJid, original.WhatsAppId, "chego às 11", "João");
        var second = EngineEvents.Edit(ContactJid, original.WhatsAppId, "chego às 12", "João");

        // Act
        await PostEventExpectingAsync(first.ToJson());
        await PostEventExpectingAsync(first.ToJson(), "duplicate");
        await PostEventExpectingAsync(second.ToJson());

        // Assert
        await SettledAsync();
        Assert.That(Chatwoot.MessagesIn(original.Chatwoot.ConversationId).Select(m => m.Content),
            Is.EqualTo(new[] { "chego às 10", "✏️ chego às 11", "✏️ chego às 12" }));
    }

    [TestCase("\"revokedId\": \"{0}\"")]
    [TestCase("\"editedId\": \"{0}\"")]
    [TestCase("\"editedMessageId\": \"{0}\"")]
    [TestCase("\"originalId\": \"{0}\"")]
    [TestCase("\"replyTo\": {\"messageId\": \"{0}\"}")]
    [TestCase("\"key\": {\"id\": \"{0}\"}")]
    public async Task Revoke_IsAPrivateNoteReplyingToTheOriginal_WhichStays(string spelling)
    {
        // Arrange
        await ActivateRoutingAsync();
        var original = await CustomerWritesAsync("mensagem errada");
        var revoke = EngineEvents.Text(ContactJid, "x", "João") with { Type = "message_revoke", Text = null };

        // Act
        await PostEventExpectingAsync(EventFields.With(revoke, spelling.Replace("{0}", original.WhatsAppId, StringComparison.Ordinal)));

        // Assert
        var landed = (await Chatwoot.WaitForMessagesAsync(1, m => m.SourceId == $"WAID:{revoke.Id}:revoke", Eventually.Deadline)).Single();
        Assert.That((landed.Content, landed.Private, landed.InReplyTo), Is.EqualTo((DeletedNote, true, (long?)original.Chatwoot.Id)));
        Assert.That(MessageNow(original.Chatwoot).Content, Is.EqualTo("mensagem errada"));
    }

    [Test]
    public async Task Revoke_FromThePhone_OfAMessageSentFromThePhone_IsANoteSayingSo()
    {
        // Arrange
        await ActivateRoutingAsync();
        await CustomerWritesAsync("oi");
        var fromPhone = EngineEvents.FromMe(ContactJid, "enviado do celular");
        await PostEventExpectingAsync(fromPhone.ToJson());
        var shown = await WaitForChatwootMessageAsync(fromPhone.Id);
        var revoke = EngineEvents.Revoke(ContactJid, fromPhone.Id) with { Direction = "outgoing", FromMe = true, SenderJid = null };

        // Act
        await PostEventExpectingAsync(revoke.ToJson());

        // Assert
        var landed = (await Chatwoot.WaitForMessagesAsync(1, m => m.SourceId == $"WAID:{revoke.Id}:revoke", Eventually.Deadline)).Single();
        Assert.That((landed.Content, landed.Private, landed.InReplyTo),
            Is.EqualTo(("🗑️ This message was deleted for everyone from the phone", true, (long?)shown.Id)));
    }
}
