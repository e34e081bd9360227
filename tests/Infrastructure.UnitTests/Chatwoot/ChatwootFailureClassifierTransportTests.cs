using System.Net.Sockets;
using System.Security.Authentication;
using Polly.Timeout;
using RyzeApi.Infrastructure.Chatwoot;

namespace RyzeApi.Infrastructure.UnitTests.Chatwoot;

[TestFixture]
public sealed class ChatwootFailureClassifierTransportTests
{
    private const string UnreachableLead =
        "Chatwoot is unreachable at https://chatwoot.example.com - verify chatwootBaseUrl and that the host is reachable from the server. Detail: ";
    private const string Url = "https://chatwoot.example.com/api/v1/accounts/5/inboxes";

    private static string AnsweredLead(int status) =>
        $"Chatwoot answered with an error at https://chatwoot.example.com (HTTP {status}) - retry later; if it persists, check the Chatwoot server's logs. Detail: ";

    private static readonly ChatwootCall s_call = new("POST", "https://chatwoot.example.com", 5, "/api/v1/accounts/5/inboxes");

    [Test]
    public void FromTransport_ConnectionRefused_EndsWithGoStyleDetail()
    {
        // Arrange
        var failure = new HttpRequestException("Connection refused (127.0.0.1:9)");

        // Act
        var exception = ChatwootFailureClassifier.FromTransport(s_call, failure);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.TypeOf<UpstreamUnavailableException>());
            Assert.That(exception.Message, Is.EqualTo(UnreachableLead + "Post \"" + Url + "\": Connection refused (127.0.0.1:9)"));
            Assert.That(exception.Message, Does.EndWith("Detail: Post \"https://chatwoot.example.com/api/v1/accounts/5/inboxes\": Connection refused (127.0.0.1:9)"));
            Assert.That(exception.InnerException, Is.SameAs(failure));
        });
    }

    [Test]
    public void FromTransport_InnerMessageAlreadyInOuter_IsNotRepeated()
    {
        // Arrange
        var failure = new HttpRequestException("Connection refused (127.0.0.1:9)", new SocketException((int)SocketError.ConnectionRefused));

        // Act
        var exception = ChatwootFailureClassifier.FromTransport(s_call, failure);

        // Assert
        Assert.That(exception.Message, Is.EqualTo(UnreachableLead + "Post \"" + Url + "\": Connection refused (127.0.0.1:9)"));
    }

    [Test]
    public void FromTransport_NestedCauses_JoinsThemOutermostFirst()
    {
        // Arrange
        var failure = new HttpRequestException(
            "The SSL connection could not be established, see inner exception.",
            new AuthenticationException("The remote certificate is invalid: UntrustedRoot"));

        // Act
        var exception = ChatwootFailureClassifier.FromTransport(s_call, failure);

        // Assert
        Assert.That(exception.Message, Is.EqualTo(UnreachableLead + "Post \"" + Url
            + "\": The SSL connection could not be established, see inner exception.: The remote certificate is invalid: UntrustedRoot"));
    }

    [Test]
    public void FromTransport_TaskCanceled_SaysNoAnswerInTime()
    {
        // Arrange
        var failure = new TaskCanceledException("The operation was canceled.");

        // Act
        var exception = ChatwootFailureClassifier.FromTransport(s_call, failure);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.TypeOf<UpstreamUnavailableException>());
            Assert.That(exception.Message, Is.EqualTo(UnreachableLead + "Post \"" + Url + "\": no answer in time (The operation was canceled.)"));
        });
    }

    [Test]
    public void FromTransport_PollyTimeout_SaysNoAnswerInTime()
    {
        // Arrange
        var failure = new TimeoutRejectedException("The operation didn't complete within the allowed timeout of '00:00:10'.");

        // Act
        var exception = ChatwootFailureClassifier.FromTransport(s_call, failure);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.TypeOf<UpstreamUnavailableException>());
            Assert.That(exception.Message, Is.EqualTo(UnreachableLead + "Post \"" + Url
                + "\": no answer in time (The operation didn't complete within the allowed timeout of '00:00:10'.)"));
        });
    }

    [TestCase("GET", "Get")]
    [TestCase("PATCH", "Patch")]
    [TestCase("DELETE", "Delete")]
    public void FromTransport_Method_IsSpelledLikeGo(string method, string spelled)
    {
        // Arrange
        var call = new ChatwootCall(method, "https://chatwoot.example.com", 5, "/api/v1/accounts/5/inboxes/42");

        // Act
        var exception = ChatwootFailureClassifier.FromTransport(call, new HttpRequestException("Name or service not known"));

        // Assert
        Assert.That(exception.Message, Is.EqualTo(
            UnreachableLead + spelled + " \"https://chatwoot.example.com/api/v1/accounts/5/inboxes/42\": Name or service not known"));
    }

    [Test]
    public void NotChatwoot_HtmlWith200_IsEndpointNotFound()
    {
        // Arrange
        const string body = "<!DOCTYPE html><html><title>Welcome to nginx!</title></html>";

        // Act
        var exception = ChatwootFailureClassifier.NotChatwoot(s_call, 200, body, "the answer is not JSON");

        // Assert
        Assert.That(exception, Is.TypeOf<UpstreamRejectedException>());
        var rejected = (UpstreamRejectedException)exception;
        Assert.Multiple(() =>
        {
            Assert.That(rejected.Kind, Is.EqualTo(UpstreamFailureKind.EndpointNotFound));
            Assert.That(rejected.UpstreamStatus, Is.EqualTo(200));
            Assert.That(rejected.Message, Is.EqualTo(
                "Chatwoot account or endpoint not found - verify chatwootBaseUrl (https://chatwoot.example.com) and chatwootAccountId (5). Detail: "
                + Url + " HTTP 200: the answer is not JSON: " + body));
        });
    }

    [Test]
    public void FromResponse_LongBody_IsTruncatedTo500CharactersAndEllipsis()
    {
        // Arrange
        var body = new string('x', 600);

        // Act
        var exception = ChatwootFailureClassifier.FromResponse(s_call, 500, body);

        // Assert
        Assert.That(exception.Message, Is.EqualTo(AnsweredLead(500) + Url + " HTTP 500: " + new string('x', 500) + "…"));
    }

    [Test]
    public void FromResponse_BodyOfExactly500Characters_IsKeptWhole()
    {
        // Arrange
        var body = new string('y', 500);

        // Act
        var exception = ChatwootFailureClassifier.FromResponse(s_call, 500, body);

        // Assert
        Assert.That(exception.Message, Is.EqualTo(AnsweredLead(500) + Url + " HTTP 500: " + body));
    }

    [Test]
    public void FromResponse_BodyWithSurroundingWhitespace_IsTrimmed()
    {
        // Arrange
        const string body = "\n  Bad Gateway \r\n";

        // Act
        var exception = ChatwootFailureClassifier.FromResponse(s_call, 502, body);

        // Assert
        Assert.That(exception.Message, Is.EqualTo(AnsweredLead(502) + Url + " HTTP 502: Bad Gateway"));
    }
}
