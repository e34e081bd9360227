using System.Diagnostics;

namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>The module's own time limits (activation, the info's live check and the webhook clearing on deactivation; docs/operations.md), set shorter
/// than the HTTP pipeline's timeouts so that only they can fire.</summary>
public sealed class TimeoutTests : ChatwootTestBase
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Chatwoot:ActivationTimeout"] = "00:00:02",
        ["Chatwoot:InfoCheckTimeout"] = "00:00:01",
        ["Chatwoot:WebhookClearTimeout"] = "00:00:01",
        ["Chatwoot:Resilience:AttemptTimeout:Timeout"] = "00:00:20",
        ["Chatwoot:Resilience:TotalRequestTimeout:Timeout"] = "00:00:30",
        ["Chatwoot:Resilience:CircuitBreaker:SamplingDuration"] = "00:00:40",
    };

    [Test]
    public async Task Activate_ChatwootSlowerThanTheActivationTimeout_Is502WithinIt()
    {
        // Arrange
        Chatwoot.DelayNext(TimeSpan.FromSeconds(15));
        var watch = Stopwatch.StartNew();

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        await response.AssertErrorStartsWithAsync(HttpStatusCode.BadGateway,
            $"Chatwoot is unreachable at {Chatwoot.BaseUrl} - verify chatwootBaseUrl and that the host is reachable from the server. "
            + $"Detail: Post \"{InboxesUrl}\": ");
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Info_ChatwootSlowerThanTheCheckTimeout_Is200WithTheStoredValuesWithinIt()
    {
        // Arrange
        await ActivateOkAsync();
        Chatwoot.ScriptAlways(FakeFault.Slow(TimeSpan.FromSeconds(15)));
        var watch = Stopwatch.StartNew();

        // Act
        var response = await InfoAsync();

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        var info = await response.JsonAsync();
        Assert.That(info.Text("status"), Is.EqualTo("active"));
        Assert.That(info.Text("last_error"), Is.Empty);
    }

    [Test]
    public async Task Deactivate_ChatwootSlowerThanTheClearTimeout_Is200WithinIt()
    {
        // Arrange
        await ActivateOkAsync();
        Chatwoot.ScriptAlways(FakeFault.Slow(TimeSpan.FromSeconds(15)));
        var watch = Stopwatch.StartNew();

        // Act
        var response = await DeactivateAsync();

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    // The activation timer firing while the integration is being stored is a local persistence failure
    // (the activation page's 500 row), not a gateway timeout.
    [Test]
    public async Task Activate_DatabaseSlowerThanTheActivationTimeout_Is500PersistIntegration()
    {
        // Arrange
        await Database.ExecuteAsync("""
            CREATE OR REPLACE FUNCTION test_slow_integration_insert() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN PERFORM pg_sleep(4); RETURN NEW; END $$;
            CREATE TRIGGER test_slow_integration_insert BEFORE INSERT ON chatwoot_integrations
            FOR EACH ROW EXECUTE FUNCTION test_slow_integration_insert();
            """);

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        Assert.That(Chatwoot.Requests.Select(r => r.Method), Is.EqualTo(new[] { "POST", "DELETE" }), "the new inbox is deleted");
        Assert.That(Chatwoot.Inboxes, Is.Empty);
        Assert.That(await IntegrationCountAsync(), Is.Zero);
        await response.AssertErrorStartsWithAsync(HttpStatusCode.InternalServerError, "chatwoot integration failed: persist integration: ");
    }

    [TearDown]
    public async Task DropTrigger() => await Database.ExecuteAsync("""
        DROP TRIGGER IF EXISTS test_slow_integration_insert ON chatwoot_integrations;
        DROP FUNCTION IF EXISTS test_slow_integration_insert();
        """);
}
