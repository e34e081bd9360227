using RyzeApi.Infrastructure.UnitTests.Support;

namespace RyzeApi.Infrastructure.UnitTests.Chatwoot;

/// <summary>The message-create body as Chatwoot reads it: a plain message carries no <c>content_attributes</c>; a reply
/// carries <c>in_reply_to_external_id</c> (and <c>in_reply_to</c> when known), in JSON or as bracketed form fields.</summary>
[TestFixture]
public sealed class ChatwootReplyBodyTests
{
    private static readonly ChatwootConnection s_connection = new("https://chatwoot.example.com", 5, "token");

    [Test]
    public async Task PlainMessage_HasNoContentAttributes()
    {
        // Arrange
        var upstream = StubUpstream.Answering("""{"id":9}""");

        // Act
        await upstream.Messaging.CreateMessageAsync(s_connection, 77, new ChatwootNewMessage("oi", "incoming", false, "WAID:1", []), CancellationToken.None);

        // Assert
        Assert.That(upstream.Requests.Single().Body, Is.EqualTo("""{"content":"oi","message_type":"incoming","private":false,"source_id":"WAID:1"}"""));
    }

    [TestCase(4182L, ""","content_attributes":{"in_reply_to_external_id":"WAID:Q1","in_reply_to":4182}}""")]
    [TestCase(null, ""","content_attributes":{"in_reply_to_external_id":"WAID:Q1"}}""")]
    public async Task Reply_InJson_CarriesTheReplyAttributes(long? chatwootId, string ending)
    {
        // Arrange
        var upstream = StubUpstream.Answering("""{"id":9}""");
        var reply = new ChatwootNewMessage("sim", "incoming", false, "WAID:2", [], new ChatwootReplyTo("WAID:Q1", chatwootId));

        // Act
        await upstream.Messaging.CreateMessageAsync(s_connection, 77, reply, CancellationToken.None);

        // Assert
        Assert.That(upstream.Requests.Single().Body, Does.EndWith(ending));
    }

    [Test]
    public async Task Reply_WithAFile_CarriesTheReplyAttributesAsFormFields()
    {
        // Arrange
        var upstream = StubUpstream.Answering("""{"id":9}""");
        var reply = new ChatwootNewMessage(
            "esta", "incoming", false, "WAID:3", [new MediaFile([1, 2, 3], "a.jpg", "image/jpeg")], new ChatwootReplyTo("WAID:Q1", 4182));

        // Act
        await upstream.Messaging.CreateMessageAsync(s_connection, 77, reply, CancellationToken.None);

        // Assert
        var body = upstream.Requests.Single().Body;
        Assert.That(body, Does.Contain("name=\"content_attributes[in_reply_to_external_id]\"").And.Contain("WAID:Q1"));
        Assert.That(body, Does.Contain("name=\"content_attributes[in_reply_to]\"").And.Contain("4182"));
    }
}
