using RyzeApi.Application.Routing.Ingress;

namespace RyzeApi.Application.UnitTests.Routing;

/// <summary>Every spelling of the kinds that point at an earlier message (docs/api/en/engine-events.md, "Every kind of
/// message in Chatwoot"): quotes, reactions, poll votes, edits and deletions, and media kinds without a type.</summary>
[TestFixture]
public sealed class MessageKindParsingTests
{
    private static WhatsAppMessage? Parse(string type, string fields, string content = "{\"text\":\"Olá\"}") =>
        EngineEventParser.Parse(
            "{\"event\":\"message.exchange\",\"data\":{\"message\":{\"id\":\"3EB0SELF\",\"type\":\"" + type + "\",\"chat\":{\"jid\":\"5511999999999\"},"
            + "\"content\":" + content + (fields.Length > 0 ? "," + fields : string.Empty) + "}}}",
            null).Message;

    [TestCase("\"replyTo\":{\"messageId\":\"Q1\",\"content\":\"a pergunta\"}", "a pergunta")]
    [TestCase("\"replyTo\":{\"messageId\":\"Q1\",\"content\":{\"text\":\"a pergunta\"}}", "a pergunta")]
    [TestCase("\"replyTo\":\"Q1\"", null)]
    [TestCase("\"quoted\":{\"id\":\"Q1\",\"text\":\"a pergunta\"}", "a pergunta")]
    [TestCase("\"quotedMessageId\":\"Q1\"", null)]
    [TestCase("\"contextInfo\":{\"stanzaId\":\"Q1\",\"quotedMessage\":{\"conversation\":\"a pergunta\"}}", "a pergunta")]
    public void Quote_EverySpelling_NamesTheQuotedMessage(string fields, string? quoted)
    {
        // Act
        var message = Parse("text", fields)!;

        // Assert
        Assert.That((message.Kind, message.Text, message.ReplyToId, message.QuotedText, message.TargetId),
            Is.EqualTo((WhatsAppMessageKind.Text, "Olá", "Q1", quoted, "Q1")));
    }

    [Test]
    public void Quote_InsideTheContent_IsRead()
    {
        // Act
        var message = Parse("text", string.Empty, "{\"text\":\"Olá\",\"contextInfo\":{\"stanzaId\":\"Q2\"}}")!;

        // Assert
        Assert.That(message.ReplyToId, Is.EqualTo("Q2"));
    }

    [Test]
    public void Quote_OneLine_CollapsesAndCuts()
    {
        // Act
        var line = Quotes.OneLine("a\n\nb   c\t" + new string('x', 200));

        // Assert
        Assert.That(line, Does.StartWith("a b c x").And.EndWith("…").And.Length.EqualTo(121));
    }

    [TestCase("{\"text\":\"👍\"}", "\"replyTo\":{\"messageId\":\"T1\"}")]
    [TestCase("\"👍\"", "\"quotedMessageId\":\"T1\"")]
    [TestCase("null", "\"reaction\":\"👍\",\"replyTo\":\"T1\"")]
    [TestCase("null", "\"reaction\":{\"text\":\"👍\",\"key\":{\"id\":\"T1\"}}")]
    [TestCase("null", "\"reaction\":{\"emoji\":\"👍\",\"messageId\":\"T1\"}")]
    public void Reaction_EverySpelling_IsTheEmojiPointingAtItsMessage(string content, string fields)
    {
        // Act
        var message = Parse("reaction", fields, content)!;

        // Assert
        Assert.That((message.Kind, message.Text, message.ReplyToId), Is.EqualTo((WhatsAppMessageKind.Text, "👍", "T1")));
    }

    [TestCase("{\"text\":\"\"}", "")]
    [TestCase("\"\"", "")]
    [TestCase("null", "\"reaction\":\"\"")]
    [TestCase("null", "\"reaction\":{\"text\":\"\",\"key\":{\"id\":\"T1\"}}")]
    public void Reaction_Removed_IsIgnored(string content, string fields)
    {
        // Act
        var parsed = EngineEventParser.Parse(
            "{\"event\":\"message.exchange\",\"data\":{\"message\":{\"id\":\"R1\",\"type\":\"reaction\",\"chat\":{\"jid\":\"5511\"},\"content\":"
            + content + (fields.Length > 0 ? "," + fields : string.Empty) + "}}}",
            null);

        // Assert
        Assert.That((parsed.Message, parsed.IgnoredBecause), Is.EqualTo(((WhatsAppMessage?)null, "a removed reaction is not shown in Chatwoot")));
    }

    [TestCase("poll_update", "\"vote\":{\"pollId\":\"P1\",\"selectedOptions\":[\"Manhã\"]}", "🗳️ Manhã")]
    [TestCase("poll_vote", "\"vote\":{\"pollMessageId\":\"P1\",\"options\":[{\"name\":\"Manhã\"},{\"optionName\":\"Tarde\"}]}", "🗳️ Manhã, Tarde")]
    [TestCase("poll_vote", "\"selectedOptions\":[\"Tarde\"],\"pollId\":\"P1\"", "🗳️ Tarde")]
    [TestCase("poll_update", "\"selectedOptions\":[\"Tarde\"],\"pollMessageId\":\"P1\"", "🗳️ Tarde")]
    [TestCase("poll_update", "\"selectedOptions\":[\"Tarde\"],\"replyTo\":{\"messageId\":\"P1\"}", "🗳️ Tarde")]
    public void PollVote_EverySpelling_NamesTheOptionsPointingAtThePoll(string type, string fields, string expected)
    {
        // Act
        var message = Parse(type, fields, "null")!;

        // Assert
        Assert.That((message.Kind, message.Text, message.ReplyToId), Is.EqualTo((WhatsAppMessageKind.Text, expected, "P1")));
    }

    [TestCase("\"vote\":{\"pollId\":\"P1\",\"selectedOptions\":[]}")]
    [TestCase("\"vote\":{\"pollId\":\"P1\",\"selectedOptions\":[{\"hash\":\"ab\"}]}")]
    public void PollVote_WithoutNamedOptions_IsUnsupported(string fields)
    {
        // Act
        var message = Parse("poll_update", fields, "null")!;

        // Assert
        Assert.That((message.Kind, message.EngineType), Is.EqualTo((WhatsAppMessageKind.Unsupported, "poll_update")));
    }

    [TestCase("\"editedId\":\"O1\"")]
    [TestCase("\"editedMessageId\":\"O1\"")]
    [TestCase("\"originalId\":\"O1\"")]
    [TestCase("\"replyTo\":{\"messageId\":\"O1\"}")]
    [TestCase("\"key\":{\"id\":\"O1\"}")]
    public void Edit_EverySpelling_NamesTheOriginal(string fields)
    {
        // Act
        var message = Parse("message_edit", fields)!;

        // Assert
        Assert.That((message.Kind, message.Text, message.EditedId, message.TargetId), Is.EqualTo((WhatsAppMessageKind.Edit, "Olá", "O1", "O1")));
    }

    [Test]
    public void Edit_MarkedByIsEdit_WithItsOwnKeyOnly_NamesNoOriginal()
    {
        // Act
        var message = Parse("text", "\"isEdit\":true,\"key\":{\"id\":\"3EB0SELF\"}")!;

        // Assert
        Assert.That((message.Kind, message.EditedId), Is.EqualTo((WhatsAppMessageKind.Edit, (string?)null)));
    }

    [TestCase("\"revokedId\":\"O1\",\"key\":{\"id\":\"O2\"}")]
    [TestCase("\"editedId\":\"O1\"")]
    [TestCase("\"editedMessageId\":\"O1\"")]
    [TestCase("\"originalId\":\"O1\"")]
    [TestCase("\"replyTo\":{\"messageId\":\"O1\"}")]
    [TestCase("\"key\":{\"id\":\"O1\"}")]
    public void Revoke_EverySpelling_NamesTheDeletedMessage(string fields)
    {
        // Act
        var message = Parse("message_revoke", fields, "null")!;

        // Assert
        Assert.That((message.Kind, message.TargetId), Is.EqualTo((WhatsAppMessageKind.Revoke, "O1")));
    }

    [TestCase("sticker", "sticker")]
    [TestCase("ptt", "ptt")]
    [TestCase("ptv", "ptv")]
    [TestCase("audio", "audio")]
    [TestCase("video", "video")]
    [TestCase("text", "document")]
    public void Media_WithoutItsType_TakesTheMessagesKind(string type, string expected)
    {
        // Act
        var message = Parse(type, "\"media\":{\"url\":\"https://cdn/f\"}", "null")!;

        // Assert
        Assert.That((message.Kind, message.Media!.Type, message.Media.MimeType), Is.EqualTo((WhatsAppMessageKind.Media, expected, (string?)null)));
    }
}
