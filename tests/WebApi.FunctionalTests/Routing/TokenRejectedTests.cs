using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/architecture.md, Failures and health: an <c>error</c> caused by Chatwoot rejecting the token stays until the
/// integration is activated again, wherever the rejection was seen (a delivery, or the info endpoint's live check);
/// a delivery that would succeed meanwhile does not clear it.</summary>
public sealed class TokenRejectedTests : RoutingTestBase
{
    [Test]
    public async Task InfoSeesTheTokenRejected_ChatwootTakingItAgainLaterDoesNotClearTheError()
    {
        // Arrange: the live check meets the revoked token; then Chatwoot accepts the same token again
        await ActivateRoutingAsync();
        Chatwoot.RevokeToken(AdminToken);
        var seen = await (await InfoAsync()).JsonAsync();
        Chatwoot.AddAdminToken(AccountId, AdminToken);

        // Act
        var message = EngineEvents.Text(ContactJid, "Olá, preciso de ajuda", "João Silva");
        await PostEventExpectingAsync(message.ToJson());
        await Task.Delay(TimeSpan.FromSeconds(1));

        // Assert: nothing delivered with a token Chatwoot rejected once, and the error is still there
        Assert.That(seen.Text("status"), Is.EqualTo("error"));
        Assert.That(Chatwoot.Messages.Where(m => m.SourceId == "WAID:" + message.Id), Is.Empty);
        Assert.That(await Database.ScalarAsync<string>("SELECT status || '|' || last_error FROM chatwoot_integrations"),
            Is.EqualTo("error|" + seen.Text("last_error")));
        Assert.That(await InfoStatusAsync(), Is.EqualTo("error"));
    }

    [Test]
    public async Task TokenRejectedThenActivatedAgain_IsActiveAndDelivers()
    {
        // Arrange
        await ActivateRoutingAsync();
        Chatwoot.RevokeToken(AdminToken);
        await InfoAsync();
        Chatwoot.AddAdminToken(AccountId, AdminToken);

        // Act: activated again (a new inbox)
        await ActivateOkAsync();
        var conversation = await ContactWritesAsync();

        // Assert
        Assert.That(conversation, Is.Not.Null);
        Assert.That(await InfoStatusAsync(), Is.EqualTo("active"));
    }
}
