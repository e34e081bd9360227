using RyzeApi.Infrastructure.UnitTests.Support;

namespace RyzeApi.Infrastructure.UnitTests.Chatwoot;

/// <summary>Routing's Chatwoot calls answered 2xx with a wrong shape: each is classified as not Chatwoot's answer
/// (<see cref="UpstreamFailureKind.EndpointNotFound"/> with the 2xx status, which the outbox records as a failure),
/// never returned as a 0, negative or made-up id (docs/adr/0016-strict-upstream-answers.md).</summary>
[TestFixture]
public sealed class ChatwootMessagingAnswerTests
{
    private const string Jid = "5511999999999@s.whatsapp.net";
    private const string Base = "https://chatwoot.example.com/api/v1/accounts/5";
    private static readonly ChatwootConnection s_connection = new("https://chatwoot.example.com", 5, "token");
    private static readonly ChatwootNewMessage s_text = new("oi", "incoming", false, "WAID:1", []);
    private static readonly ChatwootNewMessage s_file = new("oi", "incoming", false, "WAID:2", [new MediaFile([1, 2, 3], " ", "image/png")]);

    public static IEnumerable<TestCaseData> WrongShapes()
    {
        // Contact creation: {"payload": {"contact": {...}, "contact_inbox": {...}}}
        yield return Case("CreateContact", """{"payload":{"contact":{"id":0}}}""", "the contact id is not a positive integer");
        yield return Case("CreateContact", """{"payload":{"contact":{"id":-3}}}""", "the contact id is not a positive integer");
        yield return Case("CreateContact", """{"payload":{"contact":{"id":"12"}}}""", "the contact id is not a positive integer");
        yield return Case("CreateContact", """{"payload":{"contact":{"name":"João"}}}""", "the contact id is not a positive integer");
        yield return Case("CreateContact", """{"payload":[]}""", "the payload is not an object");
        yield return Case("CreateContact", """{"payload":{"contact":"x"}}""", "the contact is not an object");
        yield return Case("CreateContact", """{"payload":{"contact":{"id":5},"contact_inbox":{"source_id":""}}}""", "the contact inbox's source_id is not a usable source id");
        yield return Case("CreateContact", """{"payload":{"contact":{"id":5},"contact_inbox":{"source_id":42}}}""", "the contact inbox's source_id is not a string");
        yield return Case("CreateContact", """{"payload":{"contact":{"id":5},"contact_inbox":[]}}""", "the contact_inbox is not an object");
        yield return Case("CreateContact", """{"payload":{"contact":{"id":5,"contact_inboxes":[{"source_id":"a\u0000b","inbox":{"id":9}}]}}}""", "the contact inbox's source_id is not a usable source id");
        yield return Case("CreateContact", "[]", "the answer is not a JSON object");
        yield return Case("CreateContact", "null", "the answer is not a JSON object");
        yield return Case("CreateContact", "<html></html>", "the answer is not JSON");
        // Contact search: {"meta": {...}, "payload": [...]}
        yield return Case("FindContact", """{"payload":{}}""", "the search payload is not an array");
        yield return Case("FindContact", """{"meta":{"count":0}}""", "the search payload is not an array");
        yield return Case("FindContact", """{"payload":[5]}""", "a contact in the search payload is not an object");
        yield return Case("FindContact", $$"""{"payload":[{"id":-1,"identifier":"{{Jid}}"}]}""", "the contact id is not a positive integer");
        yield return Case("FindContact", $$"""{"payload":[{"id":"4","identifier":"{{Jid}}"}]}""", "the contact id is not a positive integer");
        // Contact inbox: {"source_id": "...", "inbox": {...}}
        yield return Case("CreateContactInbox", "{}", "the source_id is not a usable source id");
        yield return Case("CreateContactInbox", """{"source_id":""}""", "the source_id is not a usable source id");
        yield return Case("CreateContactInbox", """{"source_id":"a b"}""", "the source_id is not a usable source id");
        yield return Case("CreateContactInbox", $$"""{"source_id":"{{new string('x', 256)}}"}""", "the source_id is not a usable source id");
        yield return Case("CreateContactInbox", """{"source_id":12}""", "the source_id is not a string");
        // Conversation: {"id": n, ...}
        yield return Case("CreateConversation", """{"id":0}""", "the conversation id is not a positive integer");
        yield return Case("CreateConversation", """{"id":-1}""", "the conversation id is not a positive integer");
        yield return Case("CreateConversation", """{"id":"3"}""", "the conversation id is not a positive integer");
        yield return Case("CreateConversation", """{"id":1.5}""", "the conversation id is not a positive integer");
        yield return Case("CreateConversation", "{}", "the conversation id is not a positive integer");
        yield return Case("CreateConversation", "[]", "the answer is not a JSON object");
        yield return Case("SetConversationStatus", "[]", "the answer is not a JSON object");
        yield return Case("SetConversationStatus", "ok", "the answer is not JSON");
        // Message: {"id": n, ...}
        yield return Case("CreateMessage", """{"id":0}""", "the message id is not a positive integer");
        yield return Case("CreateMessage", """{"id":"9"}""", "the message id is not a positive integer");
        yield return Case("CreateMessage", "{}", "the message id is not a positive integer");
        yield return Case("CreateMessageWithFile", """{"id":-2}""", "the message id is not a positive integer");
        yield return Case("CreateMessageWithFile", "null", "the answer is not a JSON object");
        yield return Case("FindMessage", """{"payload":{}}""", "the message list's payload is not an array");
        yield return Case("FindMessage", """{"payload":[{"source_id":"WAID:1","id":0}]}""", "the message id is not a positive integer");
        yield return Case("UpdateMessageStatus", "null", "the answer is not a JSON object");
        yield return Case("UpdateMessageStatus", "", "the answer is not JSON");
        // A lone surrogate anywhere is the answer's fault, read by RyzeApi or not.
        yield return Case("CreateConversation", """{"id":5,"meta":{"note":"\ud800"}}""", "meta.note is not valid text");
        yield return Case("UpdateMessageStatus", """{"id":5,"content":"a\udc00b"}""", "content is not valid text");
    }

    [TestCaseSource(nameof(WrongShapes))]
    public void Call_AnsweredWithAWrongShape_IsClassifiedAsNotChatwoot(string call, string answer, string reason)
    {
        // Arrange
        var messaging = Answering(answer);

        // Act
        var exception = Assert.ThrowsAsync<UpstreamRejectedException>(() => Invoke(messaging, call));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(exception!.Kind, Is.EqualTo(UpstreamFailureKind.EndpointNotFound));
            Assert.That(exception.UpstreamStatus, Is.EqualTo(200));
            Assert.That(exception.Message, Does.StartWith(
                "Chatwoot account or endpoint not found - verify chatwootBaseUrl (https://chatwoot.example.com) and chatwootAccountId (5). Detail: " + Base));
            Assert.That(exception.Message, Does.Contain($" HTTP 200: {reason}"));
        });
    }

    [TestCase("""{"payload":{"contact":{"id":5},"contact_inbox":{"source_id":"3f2a-uuid"}}}""", 5, "3f2a-uuid")]
    [TestCase("""{"id":6,"contact_inboxes":[{"source_id":"older","inbox":{"id":9}}]}""", 6, "older")]
    [TestCase("""{"payload":{"contact":{"id":7,"contact_inboxes":[]}}}""", 7, null)]
    public async Task CreateContact_ShapesChatwootVersionsReallyAnswer_AreRead(string answer, long id, string? sourceId)
    {
        // Act
        var contact = await Answering(answer).CreateContactAsync(s_connection, 9, "João", Jid, "+5511999999999", CancellationToken.None);

        // Assert
        Assert.That(contact, Is.EqualTo(new ChatwootContact(id, sourceId)));
    }

    [TestCase("""{"id":5,"content":"\ud83d\ude00"}""")]
    [TestCase("""{"id":5,"content":"\\ud800"}""")]
    public async Task CreateConversation_EscapedTextThatIsValid_IsRead(string answer)
    {
        // Act: a surrogate pair (an emoji), and an escaped backslash before "ud800", are valid text.
        var id = await Answering(answer).CreateConversationAsync(s_connection, 9, 5, "src", "open", CancellationToken.None);

        // Assert
        Assert.That(id, Is.EqualTo(5));
    }

    [Test]
    public async Task FindMessage_NoMessageWithTheSourceId_IsNull()
    {
        // Act
        var found = await Answering("""{"meta":{},"payload":[{"id":3,"source_id":"WAID:other"},{"id":4}]}""")
            .FindMessageBySourceIdAsync(s_connection, 77, "WAID:1", CancellationToken.None);

        // Assert
        Assert.That(found, Is.Null);
    }

    private static IChatwootMessaging Answering(string body) => StubUpstream.Answering(body).Messaging;

    private static Task Invoke(IChatwootMessaging messaging, string call) => call switch
    {
        "CreateContact" => messaging.CreateContactAsync(s_connection, 9, "João", Jid, "+5511999999999", CancellationToken.None),
        "FindContact" => messaging.FindContactAsync(s_connection, 9, Jid, CancellationToken.None),
        "CreateContactInbox" => messaging.CreateContactInboxAsync(s_connection, 5, 9, CancellationToken.None),
        "CreateConversation" => messaging.CreateConversationAsync(s_connection, 9, 5, "src", "open", CancellationToken.None),
        "SetConversationStatus" => messaging.SetConversationStatusAsync(s_connection, 77, "open", CancellationToken.None),
        "CreateMessage" => messaging.CreateMessageAsync(s_connection, 77, s_text, CancellationToken.None),
        "CreateMessageWithFile" => messaging.CreateMessageAsync(s_connection, 77, s_file, CancellationToken.None),
        "FindMessage" => messaging.FindMessageBySourceIdAsync(s_connection, 77, "WAID:1", CancellationToken.None),
        "UpdateMessageStatus" => messaging.UpdateMessageStatusAsync(s_connection, 77, 501, "sent", null, CancellationToken.None),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call, null),
    };

    private static TestCaseData Case(string call, string answer, string reason) =>
        new TestCaseData(call, answer, reason).SetArgDisplayNames(call, answer.Length > 60 ? answer[..60] : answer);
}
