namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>docs/api/en/chatwoot-activate.md: a local database failure after the inbox exists is 500 <c>chatwoot integration failed:
/// persist integration: …</c> with a fixed text (the database's own is logged, never answered), and RyzeApi tries
/// once to delete that inbox. A trigger makes the insert fail.</summary>
public sealed class PersistenceFailureTests : ChatwootTestBase
{
    private const string Cause = "disk full (simulated by the test)";
    private const string Fixed =
        "chatwoot integration failed: persist integration: the database did not store it; the failure was logged - retry later or contact the operator";

    protected override async Task BeforeEachAsync()
    {
        await base.BeforeEachAsync();
        await Database.ExecuteAsync($"""
            CREATE OR REPLACE FUNCTION test_fail_integration_insert() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN RAISE EXCEPTION '{Cause}'; END $$;
            CREATE TRIGGER test_fail_integration_insert BEFORE INSERT ON chatwoot_integrations
            FOR EACH ROW EXECUTE FUNCTION test_fail_integration_insert();
            """);
    }

    [TearDown]
    public async Task DropTrigger() => await Database.ExecuteAsync("""
        DROP TRIGGER IF EXISTS test_fail_integration_insert ON chatwoot_integrations;
        DROP FUNCTION IF EXISTS test_fail_integration_insert();
        """);

    [Test]
    public async Task Activate_StoringFails_Is500AndDeletesTheNewInbox()
    {
        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.InternalServerError, Fixed);
        Assert.That(Api.Logs.All, Does.Contain(Cause), "the root cause is in the server's log");
        var errors = Api.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), "one Error line for the one failure: " + Api.Logs.All);
        Assert.That(errors[0].Exception?.ToString(), Does.Contain(Cause), "the Error line carries the database's own error");
        Assert.That(InboxCreations, Has.Count.EqualTo(1));
        var deletes = Chatwoot.Requests.Where(r => r.Method == "DELETE").ToList();
        Assert.That(deletes.Select(r => r.Path), Is.EqualTo(new[] { "/api/v1/accounts/5/inboxes/1" }));
        Assert.That(deletes[0].Header("api-access-token"), Is.EqualTo(AdminToken));
        Assert.That(Chatwoot.Inboxes, Is.Empty);
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Activate_StoringAndCleanupFail_IsStill500AndTriesTheDeleteOnce()
    {
        // Arrange
        Chatwoot.FailNext(500, ChatwootErrors.InternalServerError, times: 5, matching: r => r.Method == "DELETE");

        // Act
        var response = await ActivateAsync(ValidBody());

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.InternalServerError, Fixed);
        Assert.That(Chatwoot.Requests.Count(r => r.Method == "DELETE"), Is.EqualTo(1));
        Assert.That(await IntegrationCountAsync(), Is.Zero);
    }

    [Test]
    public async Task CreateInstance_InlineActivationStoringFails_Is201WithTheErrorAndDeletesTheInbox()
    {
        // Act
        var response = await Account.PostJsonAsync("/api/instance/new", InlineActivationBody());

        // Assert
        Assert.That(await InlineActivationErrorAsync(response), Is.EqualTo(Fixed), "no database text in the answer");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM chatwoot_integrations"), Is.Zero);
        Assert.That(Api.Logs.All, Does.Contain(Cause), "the root cause is in the server's log");
        var errors = Api.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), "one Error line for the one failure: " + Api.Logs.All);
        Assert.That(errors[0].Exception?.ToString(), Does.Contain(Cause), "the Error line carries the database's own error");
        Assert.That(Chatwoot.Inboxes, Is.Empty);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM instances WHERE name = 'vendas'"), Is.EqualTo(1));
    }
}
