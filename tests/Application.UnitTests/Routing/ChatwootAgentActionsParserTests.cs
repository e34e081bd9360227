using RyzeApi.Application.Routing.Ingress;

namespace RyzeApi.Application.UnitTests.Routing;

/// <summary>Chatwoot's payloads for what an agent does besides a plain reply: quoting, deleting, typing.</summary>
[TestFixture]
public sealed class ChatwootAgentActionsParserTests
{
    private const string Quote = """
        {"event":"message_created","id":502,"content":"Sim","message_type":"outgoing","private":false,"source_id":null,
         "content_attributes":{"in_reply_to":480,"in_reply_to_external_id":"WAID:3EB0AA"},
         "sender":{"id":3,"name":"Ana","type":"user"},"conversation":{"id":77}}
        """;

    private const string Deleted = """
        {"event":"message_updated","id":501,"content":"This message was deleted","message_type":"outgoing","private":false,
         "content_attributes":{"deleted":true},"sender":{"id":3,"name":"Ana","type":"user"},"conversation":{"id":77}}
        """;

    private const string Typing = """
        {"event":"conversation_typing_on","user":{"id":3,"name":"Ana","email":"ana@example.com","type":"user"},
         "conversation":{"id":77,"inbox_id":4,"status":"open"},"is_private":false}
        """;

    [Test]
    public void Parse_QuotedReply_ReadsTheQuotedWhatsAppIdAndChatwootId()
    {
        // Act
        var parsed = ChatwootWebhookParser.Parse(Quote);

        // Assert
        Assert.That((parsed.QuotedWhatsAppId, parsed.QuotedChatwootMessageId), Is.EqualTo(("3EB0AA", (long?)480)));
    }

    [Test]
    public void Parse_QuoteOfAnAgentReply_HasOnlyTheChatwootId()
    {
        // Act
        var parsed = ChatwootWebhookParser.Parse(Quote.Replace("\"WAID:3EB0AA\"", "null", StringComparison.Ordinal));

        // Assert
        Assert.That((parsed.QuotedWhatsAppId, parsed.QuotedChatwootMessageId), Is.EqualTo(((string?)null, (long?)480)));
    }

    [Test]
    public void Parse_AgentDeletion_IsADeletionOfTheMessage()
    {
        // Act
        var parsed = ChatwootWebhookParser.Parse(Deleted);

        // Assert
        Assert.That((parsed.IgnoredBecause, parsed.Deleted, parsed.MessageId, parsed.ConversationId), Is.EqualTo(((string?)null, true, (long?)501, (long?)77)));
    }

    [TestCase("{\"deleted\":true}", "{\"external_error\":\"x\"}", "only an agent's deletion of a message is sent to WhatsApp")]
    [TestCase("\"private\":false", "\"private\":true", "private notes stay in Chatwoot")]
    [TestCase("\"message_type\":\"outgoing\"", "\"message_type\":\"incoming\"", "incoming messages are not sent to WhatsApp")]
    [TestCase("\"private\":false,", "\"private\":false,\"source_id\":\"WAID:3EB0PHONE\",", ChatwootWebhookParser.OwnMessageDeleted)]
    public void Parse_UpdateThatIsNotAnAgentsDeletion_IsIgnored(string from, string to, string reason)
    {
        // Act
        var parsed = ChatwootWebhookParser.Parse(Deleted.Replace(from, to, StringComparison.Ordinal));

        // Assert
        Assert.That((parsed.IgnoredBecause, parsed.Deleted), Is.EqualTo((reason, false)));
    }

    [TestCase("conversation_typing_on", true)]
    [TestCase("conversation_typing_off", false)]
    public void Parse_Typing_ReadsConversationAndState(string eventName, bool typing)
    {
        // Act
        var parsed = ChatwootWebhookParser.Parse(Typing.Replace("conversation_typing_on", eventName, StringComparison.Ordinal));

        // Assert
        Assert.That((parsed.IgnoredBecause, parsed.ConversationId, parsed.Typing), Is.EqualTo(((string?)null, (long?)77, (bool?)typing)));
    }

    [TestCase("\"is_private\":false", "\"is_private\":true", "typing a private note is not shown in WhatsApp")]
    [TestCase("\"type\":\"user\"", "\"type\":\"contact\"", "the contact's own typing is not sent back to WhatsApp")]
    public void Parse_TypingNotForTheCustomer_IsIgnored(string from, string to, string reason)
    {
        // Act
        var parsed = ChatwootWebhookParser.Parse(Typing.Replace(from, to, StringComparison.Ordinal));

        // Assert
        Assert.That(parsed.IgnoredBecause, Is.EqualTo(reason));
    }
}
