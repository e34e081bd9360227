using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace RyzeApi.WebApi.FunctionalTests.Platform;

/// <summary>docs/operations.md, "Logs": one line per error answer, at the level an operator expects (other 4xx
/// Information, 401/403/429 Warning, 5xx Error with the exception), and nothing else at Information or above.</summary>
public sealed class RequestLogTests : ChatwootTestBase
{
    private const string Category = "RyzeApi.WebApi.Hosting.RequestOutcomeLogging";

    [TearDown]
    public async Task DropTrigger() => await Database.ExecuteAsync("""
        DROP TRIGGER IF EXISTS test_fail_instance_insert ON instances;
        DROP FUNCTION IF EXISTS test_fail_instance_insert();
        """);

    [Test]
    public async Task ValidationFailure_IsOneInformationLineWithoutStack()
    {
        // Act
        var line = await OnlyLineOfAsync(() => Account.PostAsJsonAsync($"/api/chatwoot/set/{Instance}", new { }), HttpStatusCode.BadRequest);

        // Assert
        AssertLine(line, LogLevel.Information, "POST /api/chatwoot/set/suporte answered 400: invalid body: chatwootBaseUrl is required; chatwootAccountId is required; chatwootApiToken is required");
    }

    [Test]
    public async Task NotFound_IsOneInformationLine()
    {
        // Act
        var line = await OnlyLineOfAsync(() => InfoAsync(instance: "nao-existe"), HttpStatusCode.NotFound);

        // Assert
        AssertLine(line, LogLevel.Information, "GET /api/chatwoot/list/nao-existe answered 404: instance not found");
    }

    [Test]
    public async Task MissingToken_IsOneWarningLine()
    {
        // Arrange
        using var anonymous = Api.CreateClient();

        // Act
        var line = await OnlyLineOfAsync(() => anonymous.GetAsync($"/api/chatwoot/list/{Instance}"), HttpStatusCode.Unauthorized);

        // Assert
        AssertLine(line, LogLevel.Warning, "GET /api/chatwoot/list/suporte answered 401: Missing token");
    }

    [Test]
    public async Task ChatwootRejectingTheToken_IsOneWarningLineWithoutStack()
    {
        // Arrange
        var body = ValidBody();
        body["chatwootApiToken"] = "cw-wrong-token-Zk3pQ8rT1v";

        // Act
        var line = await OnlyLineOfAsync(() => ActivateAsync(body), HttpStatusCode.Unauthorized);

        // Assert
        Assert.That(line.Level, Is.EqualTo(LogLevel.Warning), line.Message);
        Assert.That(line.Message, Does.StartWith("POST /api/chatwoot/set/suporte answered 401: Chatwoot rejected the API token"));
        Assert.That(line.Exception, Is.Null);
    }

    [Test]
    public async Task WrongMethodOnAWebhookUrl_IsLoggedWithoutTheSecret()
    {
        // Arrange: the answer's message repeats the path, which holds the webhook secret.
        const string secret = "whsec-do-not-log-4f9a2c";

        // Act
        var line = await OnlyLineOfAsync(() => Account.GetAsync($"/api/chatwoot/webhook/int_0123/{secret}"), HttpStatusCode.MethodNotAllowed);

        // Assert
        AssertLine(line, LogLevel.Information,
            "GET /api/chatwoot/webhook/int_0123/*** answered 405: method not allowed: GET is not accepted on /api/chatwoot/webhook/int_0123/*** - see /swagger");
    }

    [Test]
    public async Task ServerFault_IsOneErrorLineWithTheException()
    {
        // Arrange: the database refuses the insert, as a failing disk would.
        await Database.ExecuteAsync("""
            CREATE OR REPLACE FUNCTION test_fail_instance_insert() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN RAISE EXCEPTION 'disk full (simulated by the test)'; END $$;
            CREATE TRIGGER test_fail_instance_insert BEFORE INSERT ON instances
            FOR EACH ROW EXECUTE FUNCTION test_fail_instance_insert();
            """);

        // Act
        var line = await OnlyLineOfAsync(() => Account.PostAsJsonAsync("/api/instance/new", new { name = "vendas" }), HttpStatusCode.InternalServerError);

        // Assert
        Assert.That(line.Level, Is.EqualTo(LogLevel.Error));
        Assert.That(line.Category, Is.EqualTo(Category));
        Assert.That(line.Message, Does.StartWith("POST /api/instance/new answered 500: "));
        Assert.That(line.Exception?.ToString(), Does.Contain("disk full (simulated by the test)"));
    }

    /// <summary>Runs the call, asserts its status, and returns the one line logged at Information or above meanwhile.</summary>
    private async Task<CapturedLog> OnlyLineOfAsync(Func<Task<HttpResponseMessage>> call, HttpStatusCode status)
    {
        var before = Api.Logs.Entries.Count;
        using var response = await call();
        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        var lines = Api.Logs.Entries.Skip(before).Where(e => e.Level >= LogLevel.Information).ToList();
        Assert.That(lines, Has.Count.EqualTo(1), string.Join('\n', lines.Select(l => $"{l.Level} {l.Category}: {l.Message}")));
        return lines[0];
    }

    private static void AssertLine(CapturedLog line, LogLevel level, string message)
    {
        Assert.That(line.Level, Is.EqualTo(level), line.Message);
        Assert.That(line.Category, Is.EqualTo(Category));
        Assert.That(line.Message, Is.EqualTo(message));
        Assert.That(line.Exception, Is.Null, "no stack trace for a refused request");
    }
}
