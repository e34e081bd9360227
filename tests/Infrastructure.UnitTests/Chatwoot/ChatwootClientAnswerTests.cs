using RyzeApi.Infrastructure.UnitTests.Support;

namespace RyzeApi.Infrastructure.UnitTests.Chatwoot;

/// <summary>The inbox calls besides creation (read back, webhook update, delete, the cleanup's list) answered 2xx with
/// a wrong shape are classified as not Chatwoot's answer; the list finds an inbox only by its exact webhook URL.</summary>
[TestFixture]
public sealed class ChatwootClientAnswerTests
{
    private const string Hook = "https://api.example/api/chatwoot/webhook/int_1/secret";
    private static readonly ChatwootConnection s_connection = new("https://chatwoot.example.com", 5, "token");

    public static IEnumerable<TestCaseData> WrongShapes()
    {
        yield return Case("Get", """{"id":0,"name":"WhatsApp"}""", "the inbox id is not a positive integer");
        yield return Case("Get", """{"id":8,"name":"WhatsApp"}""", "the answer is inbox 8, not inbox 7");
        yield return Case("Get", """{"id":7}""", "the inbox name is missing or not a string");
        yield return Case("Get", "[]", "the answer is not a JSON object");
        yield return Case("SetWebhook", """{"id":-7,"name":"WhatsApp"}""", "the inbox id is not a positive integer");
        yield return Case("SetWebhook", """{"id":7,"name":"WhatsApp","webhook_url":{}}""", "the inbox webhook_url is not a string");
        yield return Case("SetWebhook", "not json", "the answer is not JSON");
        yield return Case("Delete", "null", "the answer is not a JSON object");
        yield return Case("Delete", "<html>deleted</html>", "the answer is not JSON");
        yield return Case("List", """{"payload":{}}""", "the inbox list's payload is not an array");
        yield return Case("List", "[]", "the answer is not a JSON object");
        yield return Case("List", $$"""{"payload":[{"id":0,"webhook_url":"{{Hook}}"}]}""", "the inbox id is not a positive integer");
        yield return Case("List", $$"""{"payload":[{"id":"3","webhook_url":"{{Hook}}"}]}""", "the inbox id is not a positive integer");
        yield return Case("Get", """{"id":7,"name":"What\ud800sApp"}""", "name is not valid text");
        yield return Case("List", """{"payload":[{"id":3,"webhook_url":"\udc00"}]}""", "payload[0].webhook_url is not valid text");
    }

    [Test]
    public void Delete_AnsweredWithAnEmptyBody_IsADeletion()
    {
        // Arrange: a proxy or an older Chatwoot answers the deletion 200 without a body.
        var client = Answering(string.Empty);

        // Act + Assert
        Assert.DoesNotThrowAsync(() => Invoke(client, "Delete"));
    }

    [TestCaseSource(nameof(WrongShapes))]
    public void Call_AnsweredWithAWrongShape_IsClassifiedAsNotChatwoot(string call, string answer, string reason)
    {
        // Arrange
        var client = Answering(answer);

        // Act
        var exception = Assert.ThrowsAsync<UpstreamRejectedException>(() => Invoke(client, call));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(exception!.Kind, Is.EqualTo(UpstreamFailureKind.EndpointNotFound));
            Assert.That(exception.UpstreamStatus, Is.EqualTo(200));
            Assert.That(exception.Message, Does.Contain(" HTTP 200: " + reason));
            Assert.That(exception.Message, Does.Not.Contain(Hook), "the webhook URL holds a secret");
        });
    }

    [Test]
    public async Task FindInboxByWebhookUrl_MatchesTheExactUrlOnly()
    {
        // Arrange
        var client = Answering($$"""
            {"payload":[
              {"id":1,"name":"Email"},
              {"id":2,"name":"A","webhook_url":"{{Hook}}/x"},
              {"id":3,"name":"B","webhook_url":"{{Hook}}"}
            ]}
            """);

        // Act
        var found = await client.FindInboxByWebhookUrlAsync(s_connection, Hook, CancellationToken.None);
        var missing = await client.FindInboxByWebhookUrlAsync(s_connection, Hook + "/y", CancellationToken.None);

        // Assert
        Assert.That(found, Is.EqualTo(3));
        Assert.That(missing, Is.Null);
    }

    private static IChatwootClient Answering(string body) => StubUpstream.Answering(body).Chatwoot;

    private static Task Invoke(IChatwootClient client, string call) => call switch
    {
        "Get" => client.GetInboxAsync(s_connection, 7, CancellationToken.None),
        "SetWebhook" => client.SetInboxWebhookAsync(s_connection, 7, string.Empty, CancellationToken.None),
        "Delete" => client.DeleteInboxAsync(s_connection, 7, CancellationToken.None),
        "List" => client.FindInboxByWebhookUrlAsync(s_connection, Hook, CancellationToken.None),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call, null),
    };

    private static TestCaseData Case(string call, string answer, string reason) =>
        new TestCaseData(call, answer, reason).SetArgDisplayNames(call, answer.Length > 60 ? answer[..60] : answer);
}
