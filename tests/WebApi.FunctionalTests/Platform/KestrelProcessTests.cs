using System.Text;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

/// <summary>What only a real server shows (the in-memory test server adds no <c>Server</c> header and enforces no
/// request-line limit): the API as an operating-system process on Kestrel, started once for these tests.</summary>
[NonParallelizable]
public sealed class KestrelProcessTests
{
    private const string Nosniff = "nosniff";
    private static readonly string s_tenKilobyteName = new('n', 10 * 1024);
    private static readonly string s_tooLongName = new('n', 65);
    private ApiProcess _api = null!;

    [OneTimeSetUp]
    public async Task StartApi()
    {
        await FunctionalSetup.Database.ResetAsync();
        var baseUrl = FakeChatwoot.UnusedLoopbackUrl();
        _api = await ApiProcess.StartAsync(baseUrl, ApiProcess.EnvironmentFor(
            FunctionalSetup.Database.ConnectionString, new Dictionary<string, string?> { ["RyzeApi:PublicBaseUrl"] = baseUrl }));
    }

    [OneTimeTearDown]
    public async Task StopApi() => await _api.DisposeAsync();

    public static IEnumerable<TestCaseData> EveryKindOfAnswer()
    {
        yield return Case("GET", "/health/live", null, null, HttpStatusCode.OK, "health (text)");
        yield return Case("GET", "/health/ready", null, null, HttpStatusCode.OK, "readiness (text)");
        yield return Case("GET", "/swagger/v1/swagger.json", null, null, HttpStatusCode.OK, "OpenAPI document");
        yield return Case("GET", "/swagger/index.html", null, null, HttpStatusCode.OK, "Swagger UI (HTML)");
        yield return Case("GET", "/api/instance/list", ApiFactory.AccountToken, null, HttpStatusCode.OK, "a success");
        yield return Case("POST", "/api/instance/new", ApiFactory.AccountToken, "{\"name\": \"nosniff-created\"}", HttpStatusCode.Created, "a created secret");
        yield return Case("GET", "/api/instance/list", null, null, HttpStatusCode.Unauthorized, "an authentication failure");
        yield return Case("GET", "/api/nao-existe", null, null, HttpStatusCode.NotFound, "an unknown route");
        yield return Case("PUT", "/api/instance/list", ApiFactory.AccountToken, "{}", HttpStatusCode.MethodNotAllowed, "a wrong method");
        yield return Case("GET", "/api/chatwoot/list/nao-existe", ApiFactory.AccountToken, null, HttpStatusCode.NotFound, "a failure from the handler");
        yield return Case("POST", "/api/instance/new", ApiFactory.AccountToken, "{}", HttpStatusCode.BadRequest, "a validation failure");
        yield return Case("POST", "/api/instance/new", ApiFactory.AccountToken, "{", HttpStatusCode.BadRequest, "malformed JSON");
    }

    [TestCaseSource(nameof(EveryKindOfAnswer))]
    public async Task EveryKindOfAnswer_CarriesNosniffAndNoServerHeader(string method, string path, string? token, string? body, HttpStatusCode status)
    {
        // Act
        using var response = await SendAsync(method, path, token, body);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) ? nosniff : [], Is.EqualTo(new[] { Nosniff }));
        Assert.That(response.Headers.Server, Is.Empty, "no Server header naming the stack");
    }

    public static IEnumerable<TestCaseData> PathParameters()
    {
        const string activation = "{\"chatwootBaseUrl\": \"https://chatwoot.example.com\", \"chatwootAccountId\": 5, \"chatwootApiToken\": \"cw-token\"}";
        var engineEvent = EngineEvents.Text("5511999999999@s.whatsapp.net", "olá").ToJson();
        var webhook = "{\"event\": \"message_created\"}";
        var id = Guid.NewGuid().ToString();
        foreach (var (name, label) in new[] { (s_tooLongName, "65 characters"), (s_tenKilobyteName, "10 KB") })
        {
            // A name no instance can have is the caller's mistake, said in the envelope (docs/api/en/README.md).
            var tooLong = $"invalid path: the instance name is too long: {name.Length} characters, at most 64 - an instance name is 1 to 64 letters, digits, '-' or '_'";
            yield return Case("POST", $"/api/chatwoot/set/{name}", ApiFactory.AccountToken, activation, HttpStatusCode.BadRequest, $"activate, instance of {label}", tooLong);
            yield return Case("GET", $"/api/chatwoot/list/{name}", ApiFactory.AccountToken, null, HttpStatusCode.BadRequest, $"read, instance of {label}", tooLong);
            yield return Case("DELETE", $"/api/chatwoot/delete/{name}", ApiFactory.AccountToken, null, HttpStatusCode.BadRequest, $"deactivate, instance of {label}", tooLong);
            yield return Case("DELETE", $"/api/instance/delete/{name}", ApiFactory.AccountToken, null, HttpStatusCode.BadRequest, $"delete instance, instance of {label}", tooLong);
            yield return Case("POST", $"/api/chatwoot/events/{name}", ApiFactory.AccountToken, engineEvent, HttpStatusCode.BadRequest, $"events, instance of {label}", tooLong);
            yield return Case("POST", $"/api/chatwoot/events/{name}/message.exchange", ApiFactory.AccountToken, engineEvent, HttpStatusCode.BadRequest, $"events by name, instance of {label}", tooLong);
            yield return Case("POST", $"/api/chatwoot/events/nao-existe/{name}", ApiFactory.AccountToken, "{\"data\": {}}", HttpStatusCode.NotFound, $"events by name, event name of {label}", "instance not found");
            yield return Case("POST", $"/api/chatwoot/webhook/{name}/secret", null, webhook, HttpStatusCode.NotFound, $"webhook, integration id of {label}",
                "webhook not found - the integration was deactivated or replaced; activate it again to get a new webhook URL");
            yield return Case("POST", $"/api/chatwoot/webhook/{id}/{name}", null, webhook, HttpStatusCode.NotFound, $"webhook, secret of {label}",
                "webhook not found - the integration was deactivated or replaced; activate it again to get a new webhook URL");
        }
    }

    [TestCaseSource(nameof(PathParameters))]
    public async Task LongPathParameter_IsAnsweredByTheApplicationInTheEnvelope(
        string method, string path, string? token, string? body, HttpStatusCode status, string message)
    {
        // Act
        using var response = await SendAsync(method, path, token, body);

        // Assert: Kestrel's default limit answered a bare 414 to the 10 KB ones.
        await response.AssertErrorAsync(status, message);
    }

    [Test]
    public async Task RequestLineAboveTheLimit_IsRejectedByKestrelWithABare414()
    {
        // Arrange: docs/operations.md documents this answer; past 64 KiB the application never sees the request.
        var path = "/api/chatwoot/list/" + new string('n', 65 * 1024);

        // Act
        using var response = await SendAsync("GET", path, ApiFactory.AccountToken, null);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestUriTooLong));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [Test]
    public async Task HeadersAboveTheLimit_AreRejectedByKestrelWithABare431()
    {
        // Arrange
        using var client = _api.CreateClient(ApiFactory.AccountToken);
        client.DefaultRequestHeaders.Add("X-Padding", new string('p', 65 * 1024));

        // Act
        using var response = await client.GetAsync("/api/instance/list");

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestHeaderFieldsTooLarge));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty);
    }

    [TestCase("X-Name: a\u0000b", TestName = "HeaderValue_Nul_IsRejectedByKestrelWithABare400")]
    [TestCase("X-Name: a\rb", TestName = "HeaderValue_BareCarriageReturn_IsRejectedByKestrelWithABare400")]
    [TestCase("X Name: a", TestName = "HeaderName_WithASpace_IsRejectedByKestrelWithABare400")]
    [TestCase("X-N\u00c3\u00a4me: a", TestName = "HeaderName_NonAscii_IsRejectedByKestrelWithABare400")]
    public async Task BytesNotAllowedInHeaders_AreRejectedByKestrelWithABare400(string header)
    {
        // Arrange: raw bytes, as HttpClient refuses to send them (Latin-1 of the string: one byte per char).
        var request = System.Text.Encoding.Latin1.GetBytes($"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n{header}\r\n\r\n");

        // Act
        var answer = await RawAsync(request);

        // Assert: docs/operations.md lists this; no envelope, no body.
        Assert.That(answer, Does.StartWith("HTTP/1.1 400 Bad Request\r\n"));
        Assert.That(answer, Does.Contain("Content-Length: 0\r\n"));
        Assert.That(answer, Does.Not.Contain("Server:"));
    }

    [Test]
    public async Task PathWithAnEncodedNul_IsRejectedByKestrelWithABare400()
    {
        // Arrange: a NUL in the path never reaches the application (nor PostgreSQL); docs/operations.md lists it.
        var request = Encoding.ASCII.GetBytes("GET /api/chatwoot/list/sup%00orte HTTP/1.1\r\nHost: 127.0.0.1\r\ntoken: x\r\n\r\n");

        // Act
        var answer = await RawAsync(request);

        // Assert
        Assert.That(answer, Does.StartWith("HTTP/1.1 400 Bad Request\r\n"));
        Assert.That(answer, Does.Contain("Content-Length: 0\r\n"));
    }

    [TestCase("token: caf\u00c3\u00a9", TestName = "TokenHeader_NonAsciiBytes_IsAnsweredByTheApplication401InvalidToken")]
    [TestCase("token: a\u0001b", TestName = "TokenHeader_ControlCharacter_IsAnsweredByTheApplication401InvalidToken")]
    public async Task OddButLegalHeaderBytes_ReachTheApplication(string header)
    {
        // Arrange: Kestrel lets other control characters and non-ASCII bytes through in values; the application
        // must answer them in the envelope, not fail on them.
        var request = Encoding.Latin1.GetBytes($"GET /api/instance/list HTTP/1.1\r\nHost: 127.0.0.1\r\n{header}\r\nConnection: close\r\n\r\n");

        // Act
        var answer = await RawAsync(request, untilClosed: true);

        // Assert
        Assert.That(answer, Does.StartWith("HTTP/1.1 401 Unauthorized\r\n"));
        Assert.That(answer, Does.Contain("{\"success\":false,\"error\":{\"message\":\"Invalid token\"}}"));
    }

    private async Task<string> RawAsync(byte[] request, bool untilClosed = false)
    {
        var uri = new Uri(_api.BaseUrl);
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request);
        var buffer = new byte[4096];
        var read = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
            if (n == 0)
            {
                break;
            }

            read += n;
            if (!untilClosed && Encoding.Latin1.GetString(buffer, 0, read).Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                break;
            }
        }

        return Encoding.Latin1.GetString(buffer, 0, read);
    }

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string? token, string? body)
    {
        using var client = _api.CreateClient(token);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static TestCaseData Case(string method, string path, string? token, string? body, HttpStatusCode status, string name) =>
        new TestCaseData(method, path, token, body, status).SetArgDisplayNames(name);

    private static TestCaseData Case(string method, string path, string? token, string? body, HttpStatusCode status, string name, string message) =>
        new TestCaseData(method, path, token, body, status, message).SetArgDisplayNames(name);
}
