using RyzeApi.Application.Routing.Ingress;

namespace RyzeApi.Application.UnitTests.Routing;

[TestFixture]
public sealed class ChatwootWebhookParserTests
{
    private const string AgentMessage = """
        {"event":"message_created","id":501,"content":"Posso ajudar?","message_type":"outgoing","private":false,"source_id":null,
         "sender":{"id":3,"name":"Ana Souza","available_name":"Ana","type":"user"},
         "conversation":{"id":77,"status":"open","meta":{"sender":{"identifier":"5599999999999"}}},
         "attachments":[{"file_type":"image","data_url":"https://cw.example/rails/active_storage/photo.png"}]}
        """;

    [Test]
    public void Parse_AgentMessage_ReadsIdsContentAgentAndAttachments()
    {
        // Act
        var parsed = ChatwootWebhookParser.Parse(AgentMessage);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(parsed.IgnoredBecause, Is.Null);
            Assert.That((parsed.MessageId, parsed.ConversationId, parsed.Content, parsed.AgentName), Is.EqualTo(((long?)501, (long?)77, "Posso ajudar?", "Ana")));
            Assert.That(parsed.Attachments.Single().FileType, Is.EqualTo("image"));
            Assert.That(parsed.Attachments.Single().FileName, Is.EqualTo("photo.png"));
        });
    }

    [TestCase("\"message_type\":\"outgoing\"", "\"message_type\":\"incoming\"", "incoming messages are not sent to WhatsApp")]
    [TestCase("\"private\":false", "\"private\":true", "private notes stay in Chatwoot")]
    [TestCase("\"source_id\":null", "\"source_id\":\"WAID:3EB0\"", "echo of a message RyzeApi created")]
    [TestCase("\"event\":\"message_created\"", "\"event\":\"message_updated\"", "only an agent's deletion of a message is sent to WhatsApp")]
    public void Parse_NotAnAgentReply_IsIgnoredWithTheReason(string from, string to, string reason)
    {
        // Act
        var parsed = ChatwootWebhookParser.Parse(AgentMessage.Replace(from, to, StringComparison.Ordinal));

        // Assert
        Assert.That(parsed.IgnoredBecause, Is.EqualTo(reason));
    }

    [Test]
    public void Parse_ConversationStatusChanged_ReadsIdAndStatus()
    {
        // Act
        var parsed = ChatwootWebhookParser.Parse("""{"event":"conversation_status_changed","id":77,"status":"resolved"}""");

        // Assert
        Assert.That((parsed.ConversationId, parsed.ConversationStatus), Is.EqualTo(((long?)77, "resolved")));
    }
}
