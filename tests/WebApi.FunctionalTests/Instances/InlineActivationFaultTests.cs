using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RyzeApi.Application.Chatwoot;
using RyzeApi.WebApi.FunctionalTests.Support;

namespace RyzeApi.WebApi.FunctionalTests.Instances;

/// <summary>docs/adr/0023-one-failure-model.md: an inline activation that fails on this server's side (the database
/// refuses the integration) still creates the instance, shows the failure's contract message in
/// <c>chatwoot.error</c>, and logs it at Error with the database's own error — never in the answer.</summary>
public sealed class InlineActivationFaultTests : ChatwootTestBase
{
    [TearDown]
    public async Task DropTrigger() => await Database.ExecuteAsync("""
        DROP TRIGGER IF EXISTS test_fail_integration_insert ON chatwoot_integrations;
        DROP FUNCTION IF EXISTS test_fail_integration_insert();
        """);

    [Test]
    public async Task DatabaseRefusingTheIntegration_IsReportedInTheAnswerAndLoggedAtErrorWithItsCause()
    {
        // Arrange
        await Database.ExecuteAsync("""
            CREATE OR REPLACE FUNCTION test_fail_integration_insert() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN RAISE EXCEPTION 'disk full (simulated by the test)'; END $$;
            CREATE TRIGGER test_fail_integration_insert BEFORE INSERT ON chatwoot_integrations
            FOR EACH ROW EXECUTE FUNCTION test_fail_integration_insert();
            """);
        var before = Api.Logs.Entries.Count;

        // Act
        using var response = await Account.PostAsJsonAsync("/api/instance/new", new
        {
            name = "vendas",
            chatwootEnabled = true,
            chatwootBaseUrl = Chatwoot.BaseUrl,
            chatwootAccountId = AccountId,
            chatwootApiToken = AdminToken,
        });

        // Assert
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        var chatwoot = JsonNode.Parse(body)!["chatwoot"]!;
        Assert.That(chatwoot["error"]!.GetValue<string>(), Is.EqualTo(ChatwootActivator.PersistFailedMessage));
        Assert.That(body, Does.Not.Contain("disk full"));
        var errors = Api.Logs.Entries.Skip(before).Where(e => e.Level >= LogLevel.Error).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), string.Join('\n', errors.Select(l => $"{l.Level} {l.Category}: {l.Message}")));
        Assert.That(errors[0].Message, Is.EqualTo($"Inline Chatwoot activation of instance vendas failed: {ChatwootActivator.PersistFailedMessage}"));
        Assert.That(errors[0].Exception?.ToString(), Does.Contain("disk full (simulated by the test)"));
    }
}
