using RyzeApi.Infrastructure.Chatwoot;

namespace RyzeApi.Infrastructure.UnitTests.Chatwoot;

[TestFixture]
public sealed class ChatwootFailureClassifierResponseTests
{
    private const string Url = "https://chatwoot.example.com/api/v1/accounts/5/inboxes";
    private const string CredentialsLead = "Chatwoot rejected the API token - verify chatwootApiToken.";
    private const string DeniedLead = "Chatwoot denied the request - verify the API token has admin scope on account 5.";
    private const string NotFoundLead =
        "Chatwoot account or endpoint not found - verify chatwootBaseUrl (https://chatwoot.example.com) and chatwootAccountId (5).";
    private const string InvalidLead =
        "Chatwoot rejected the request as invalid - fix what Chatwoot names in the detail (e.g. inboxName) and retry.";

    private static readonly ChatwootCall s_call = new("POST", "https://chatwoot.example.com", 5, "/api/v1/accounts/5/inboxes");

    [Test]
    public void FromResponse_401InvalidAccessToken_IsCredentialsRejectedWithFullMessage()
    {
        // Arrange
        const string body = """{"error":"Invalid Access Token"}""";

        // Act
        var exception = ChatwootFailureClassifier.FromResponse(s_call, 401, body);

        // Assert
        AssertRejected(
            exception,
            UpstreamFailureKind.CredentialsRejected,
            401,
            """Chatwoot rejected the API token - verify chatwootApiToken. Detail: https://chatwoot.example.com/api/v1/accounts/5/inboxes HTTP 401: {"error":"Invalid Access Token"}""");
    }

    [TestCase(401, """{"error":"Invalid Access Token"}""", UpstreamFailureKind.CredentialsRejected, CredentialsLead)]
    [TestCase(401, """{"error":"Something else entirely"}""", UpstreamFailureKind.CredentialsRejected, CredentialsLead)]
    [TestCase(401, """{"message":"You are not authorized to do this action"}""", UpstreamFailureKind.CredentialsRejected, CredentialsLead)]
    [TestCase(401, """["You are not authorized to do this action"]""", UpstreamFailureKind.CredentialsRejected, CredentialsLead)]
    [TestCase(401, """{"error":"you are not authorized to do this action"}""", UpstreamFailureKind.CredentialsRejected, CredentialsLead)]
    [TestCase(401, "<html><body>401 Authorization Required</body></html>", UpstreamFailureKind.CredentialsRejected, CredentialsLead)]
    [TestCase(401, "", UpstreamFailureKind.CredentialsRejected, CredentialsLead)]
    [TestCase(401, """{"error":"You are not authorized to do this action"}""", UpstreamFailureKind.AccessDenied, DeniedLead)]
    [TestCase(401, """{"error":"You are not authorized to access this account"}""", UpstreamFailureKind.AccessDenied, DeniedLead)]
    [TestCase(401, """{"error":"Account is suspended"}""", UpstreamFailureKind.AccessDenied, DeniedLead)]
    [TestCase(403, """{"error":"Forbidden"}""", UpstreamFailureKind.AccessDenied, DeniedLead)]
    [TestCase(403, "", UpstreamFailureKind.AccessDenied, DeniedLead)]
    [TestCase(404, """{"error":"Resource could not be found"}""", UpstreamFailureKind.EndpointNotFound, NotFoundLead)]
    [TestCase(404, "<html>The page you were looking for doesn't exist.</html>", UpstreamFailureKind.EndpointNotFound, NotFoundLead)]
    [TestCase(422, """{"message":"Name can't be blank","attributes":["name"]}""", UpstreamFailureKind.RequestInvalid, InvalidLead)]
    [TestCase(400, """{"error":"param is missing or the value is empty: channel"}""", UpstreamFailureKind.RequestInvalid, InvalidLead)]
    [TestCase(402, """{"error":"Account limit exceeded. Please purchase more licenses"}""", UpstreamFailureKind.RequestInvalid, InvalidLead)]
    [TestCase(409, """{"error":"conflict"}""", UpstreamFailureKind.RequestInvalid, InvalidLead)]
    public void FromResponse_ClientError_ClassifiesByStatusAndBody(int status, string body, UpstreamFailureKind kind, string lead)
    {
        // Arrange
        var expected = $"{lead} Detail: {Url} HTTP {status}: {body}";

        // Act
        var exception = ChatwootFailureClassifier.FromResponse(s_call, status, body);

        // Assert
        AssertRejected(exception, kind, status, expected);
    }

    [TestCase(301)]
    [TestCase(302)]
    [TestCase(307)]
    [TestCase(308)]
    public void FromResponse_Redirect_IsEndpointNotFoundNamingTheTarget(int status)
    {
        // Arrange
        const string body = "<html><body>You are being redirected.</body></html>";

        // Act
        var exception = ChatwootFailureClassifier.FromResponse(s_call, status, body, "https://chatwoot.example.com/app/login");

        // Assert
        AssertRejected(
            exception,
            UpstreamFailureKind.EndpointNotFound,
            status,
            $"{NotFoundLead} Detail: {Url} HTTP {status}: {body} (redirect to https://chatwoot.example.com/app/login not followed)");
    }

    [Test]
    public void FromResponse_RedirectWithoutLocation_SaysUnknownLocation()
    {
        // Arrange
        const string body = "moved";

        // Act
        var exception = ChatwootFailureClassifier.FromResponse(s_call, 302, body);

        // Assert
        AssertRejected(
            exception,
            UpstreamFailureKind.EndpointNotFound,
            302,
            $"{NotFoundLead} Detail: {Url} HTTP 302: moved (redirect to an unknown location not followed)");
    }

    [TestCase(500, """{"status":500,"error":"Internal Server Error"}""")]
    [TestCase(502, "<html><head><title>502 Bad Gateway</title></head></html>")]
    [TestCase(503, "Service Unavailable")]
    [TestCase(504, "")]
    public void FromResponse_ServerError_IsUpstreamUnavailableAndSaysChatwootAnswered(int status, string body)
    {
        // Arrange: Chatwoot answered, so not "unreachable" (docs/adr/0017-chatwoot-5xx-is-not-unreachable.md).
        var expected = $"Chatwoot answered with an error at https://chatwoot.example.com (HTTP {status}) - retry later; "
            + $"if it persists, check the Chatwoot server's logs. Detail: {Url} HTTP {status}: {body}";

        // Act
        var exception = ChatwootFailureClassifier.FromResponse(s_call, status, body);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(exception, Is.TypeOf<UpstreamUnavailableException>());
            Assert.That(exception.Message, Is.EqualTo(expected));
            Assert.That(exception.InnerException, Is.Null);
        });
    }

    [Test]
    public void FromResponse_500_HasTheDocumentedMessage()
    {
        // Arrange
        const string body = "Internal Server Error";

        // Act
        var exception = ChatwootFailureClassifier.FromResponse(s_call, 500, body);

        // Assert
        Assert.That(exception.Message, Is.EqualTo(
            "Chatwoot answered with an error at https://chatwoot.example.com (HTTP 500) - retry later; if it persists, check the Chatwoot server's logs. Detail: https://chatwoot.example.com/api/v1/accounts/5/inboxes HTTP 500: Internal Server Error"));
    }

    private static void AssertRejected(Exception exception, UpstreamFailureKind kind, int status, string message)
    {
        Assert.That(exception, Is.TypeOf<UpstreamRejectedException>());
        var rejected = (UpstreamRejectedException)exception;
        Assert.Multiple(() =>
        {
            Assert.That(rejected.Kind, Is.EqualTo(kind));
            Assert.That(rejected.UpstreamStatus, Is.EqualTo(status));
            Assert.That(rejected.Message, Is.EqualTo(message));
        });
    }
}
