using System.Web;
using RyzeApi.Infrastructure.Chatwoot;
using RyzeApi.Infrastructure.UnitTests.Support;

namespace RyzeApi.Infrastructure.UnitTests.Chatwoot;

/// <summary>The integration's connection travels with each request as one option: <see cref="ChatwootTargetHandler"/>
/// makes the account's URL and the token header from it, per call, on one shared client.</summary>
[TestFixture]
public sealed class ChatwootTargetHandlerTests
{
    private const string Inbox = """{"id":7,"name":"WhatsApp"}""";

    [TestCase("https://chatwoot.example.com", "https://chatwoot.example.com/api/v1/accounts/5/inboxes/7")]
    [TestCase("https://chatwoot.example.com/", "https://chatwoot.example.com/api/v1/accounts/5/inboxes/7")]
    [TestCase("https://example.com/chatwoot//", "https://example.com/chatwoot/api/v1/accounts/5/inboxes/7")]
    [TestCase("http://10.0.0.5:3000", "http://10.0.0.5:3000/api/v1/accounts/5/inboxes/7")]
    public async Task Request_GoesToTheConnectionsAccount_WithItsTokenOnce(string baseUrl, string url)
    {
        // Arrange
        var upstream = StubUpstream.Answering(Inbox);

        // Act
        await upstream.Chatwoot.GetInboxAsync(new ChatwootConnection(baseUrl, 5, "secret-token"), 7, CancellationToken.None);

        // Assert
        var request = upstream.Requests.Single().Request;
        Assert.Multiple(() =>
        {
            Assert.That(request.RequestUri!.ToString(), Is.EqualTo(url));
            Assert.That(request.Headers.GetValues("api-access-token"), Is.EqualTo(new[] { "secret-token" }));
            Assert.That(request.Headers.Contains("api_access_token"), Is.False);
        });
    }

    [Test]
    public async Task OneClient_TwoIntegrations_EachRequestCarriesItsOwnConnection()
    {
        // Arrange
        var upstream = StubUpstream.Answering("""{"id":9}""");
        var first = new ChatwootConnection("https://one.example", 1, "token-one");
        var second = new ChatwootConnection("https://two.example", 2, "token-two");

        // Act
        await Task.WhenAll(
            upstream.Messaging.CreateConversationAsync(first, 3, 4, "src-1", "open", CancellationToken.None),
            upstream.Messaging.CreateConversationAsync(second, 3, 4, "src-2", "open", CancellationToken.None));

        // Assert
        var seen = upstream.Requests
            .Select(r => $"{r.Request.RequestUri} {r.Request.Headers.GetValues("api-access-token").Single()} {r.Body}")
            .Order();
        Assert.That(seen, Is.EqualTo(new[]
        {
            """https://one.example/api/v1/accounts/1/conversations token-one {"source_id":"src-1","inbox_id":3,"contact_id":4,"status":"open"}""",
            """https://two.example/api/v1/accounts/2/conversations token-two {"source_id":"src-2","inbox_id":3,"contact_id":4,"status":"open"}""",
        }));
    }

    // A phone JID is searched by its number's digits, which its identifier and its E.164 phone number both contain.
    [TestCase("5511999999999@s.whatsapp.net", "5511999999999")]
    [TestCase("204458374921234@lid", "204458374921234@lid")]
    public async Task Search_KeepsTheQuery(string identifier, string query)
    {
        // Arrange
        var upstream = StubUpstream.Answering("""{"payload":[]}""");

        // Act
        await upstream.Messaging.FindContactAsync(new ChatwootConnection("https://c.example", 5, "t"), 9, identifier, CancellationToken.None);

        // Assert
        var uri = upstream.Requests.Single().Request.RequestUri!;
        Assert.That(uri.GetLeftPart(UriPartial.Path), Is.EqualTo("https://c.example/api/v1/accounts/5/contacts/search"));
        Assert.That(HttpUtility.ParseQueryString(uri.Query)["q"], Is.EqualTo(query));
    }

    [Test]
    public async Task JsonBody_IsWrittenByTheContract_WithAContentLength()
    {
        // Arrange
        var upstream = StubUpstream.Answering("""{"id":11}""");
        var message = new ChatwootNewMessage("olá \"João\"", "incoming", false, null, []);

        // Act
        await upstream.Messaging.CreateMessageAsync(new ChatwootConnection("https://c.example", 5, "t"), 77, message, CancellationToken.None);

        // Assert: the absent source_id is left out, the text escaped as System.Text.Json always did.
        var (request, body, length) = upstream.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(body, Is.EqualTo("""{"content":"ol\u00E1 \u0022Jo\u00E3o\u0022","message_type":"incoming","private":false}"""));
            Assert.That(length, Is.EqualTo(System.Text.Encoding.UTF8.GetByteCount(body)));
            Assert.That(request.Headers.TransferEncodingChunked, Is.Not.True);
        });
    }

    [Test]
    public void Request_WithoutAConnection_IsRefusedBeforeItLeaves()
    {
        // Arrange: a route declared without its [Property] parameter.
        var upstream = StubUpstream.Answering(Inbox);
        using var invoker = new HttpMessageInvoker(new ChatwootTargetHandler { InnerHandler = upstream });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://chatwoot.invalid/inboxes/7");

        // Act
        var exception = Assert.ThrowsAsync<InvalidOperationException>(() => invoker.SendAsync(request, CancellationToken.None));

        // Assert
        Assert.That(exception!.Message, Is.EqualTo("The Chatwoot request GET /inboxes/7 carries no connection (option chatwoot.connection)."));
        Assert.That(upstream.Requests, Is.Empty);
    }

    [Test]
    public void TransportFailure_IsClassifiedAsUnreachable_WithTheAccountsUrl()
    {
        // Arrange
        var upstream = StubUpstream.Failing(new HttpRequestException("Connection refused (10.0.0.5:3000)"));

        // Act
        var exception = Assert.ThrowsAsync<UpstreamUnavailableException>(() =>
            upstream.Chatwoot.GetInboxAsync(new ChatwootConnection("http://10.0.0.5:3000", 5, "t"), 7, CancellationToken.None));

        // Assert
        Assert.That(exception!.Message, Does.StartWith(
            "Chatwoot is unreachable at http://10.0.0.5:3000 - verify chatwootBaseUrl and that the host is reachable from the server. Detail: Get \"http://10.0.0.5:3000/api/v1/accounts/5/inboxes/7\": "));
        Assert.That(exception.Message, Does.EndWith("Connection refused (10.0.0.5:3000)"));
    }
}
