using System.Text;
using System.Text.Json.Nodes;

namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>docs/api/en/chatwoot-activate.md: the same Idempotency-Key with the same body returns the first answer and
/// creates nothing; with another body it is 409.</summary>
public sealed class IdempotencyTests : ChatwootTestBase
{
    private const string OtherBodyMessage =
        "Idempotency-Key was already used with a different request body - use a new key for a new request";

    private const string InProgressMessage = "a request with this Idempotency-Key is still in progress - retry later";

    private const string ReplacedSinceMessage =
        "the integration activated with this Idempotency-Key was deactivated or replaced since - send a new Idempotency-Key to activate again";

    [Test]
    public async Task Activate_SameKeySameBody_ReplaysTheFirstAnswerAndCreatesOneInbox()
    {
        // Act
        var first = await ActivateWithKeyAsync("key-1", ValidBody().ToJsonString());
        var second = await ActivateWithKeyAsync("key-1", ValidBody().ToJsonString());

        // Assert
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(JsonNode.DeepEquals(await first.JsonAsync(), await second.JsonAsync()), Is.True);
        Assert.That(InboxCreations, Has.Count.EqualTo(1));
        Assert.That(await IntegrationCountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Activate_SameKeySameBodyWrittenDifferently_Replays()
    {
        // Arrange
        var reordered = $$"""
            {  "chatwootApiToken": "{{AdminToken}}", "chatwootAccountId": 5,
               "chatwootBaseUrl": "{{Chatwoot.BaseUrl}}", "signMessages": false }
            """;

        // Act
        var first = await ActivateWithKeyAsync("key-1", ValidBody().ToJsonString());
        var second = await ActivateWithKeyAsync("key-1", reordered);

        // Assert
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created), await second.Content.ReadAsStringAsync());
        Assert.That(JsonNode.DeepEquals(await first.JsonAsync(), await second.JsonAsync()), Is.True);
        Assert.That(InboxCreations, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Activate_SameKeyOtherBody_Is409AndCreatesNothing()
    {
        // Arrange
        var other = ValidBody();
        other["inboxName"] = "Another";
        await ActivateWithKeyAsync("key-1", ValidBody().ToJsonString());

        // Act
        var response = await ActivateWithKeyAsync("key-1", other.ToJsonString());

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.Conflict, OtherBodyMessage);
        Assert.That(InboxCreations, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Activate_SameKeyAfterDeactivation_Is409InsteadOfReplayingTheGoneIntegration()
    {
        // Arrange
        await ActivateWithKeyAsync("key-1", ValidBody().ToJsonString());
        var deactivated = await Account.DeleteAsync($"/api/chatwoot/delete/{Instance}");
        Assert.That(deactivated.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // Act
        var replay = await ActivateWithKeyAsync("key-1", ValidBody().ToJsonString());

        // Assert: no false 201, nothing created; a new key activates again.
        await replay.AssertErrorAsync(HttpStatusCode.Conflict, ReplacedSinceMessage);
        Assert.That(InboxCreations, Has.Count.EqualTo(1));
        Assert.That(await IntegrationCountAsync(), Is.Zero);
        var fresh = await ActivateWithKeyAsync("key-2", ValidBody().ToJsonString());
        Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.Created), await fresh.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Activate_SameKeyAfterAnotherActivation_Is409()
    {
        // Arrange: the first key's integration was replaced by an activation without a key.
        await ActivateWithKeyAsync("key-1", ValidBody().ToJsonString());
        Assert.That((await ActivateAsync(ValidBody())).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        // Act
        var replay = await ActivateWithKeyAsync("key-1", ValidBody().ToJsonString());

        // Assert
        await replay.AssertErrorAsync(HttpStatusCode.Conflict, ReplacedSinceMessage);
        Assert.That(InboxCreations, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Activate_SameKeyAfter24Hours_IsANewRequest()
    {
        // Arrange
        var first = await ActivateWithKeyAsync("key-1", ValidBody().ToJsonString());
        await Database.ExecuteAsync("UPDATE idempotency_keys SET created_at = now() - interval '25 hours'");

        // Act
        var second = await ActivateWithKeyAsync("key-1", ValidBody().ToJsonString());

        // Assert
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created), await second.Content.ReadAsStringAsync());
        Assert.That((await second.JsonAsync()).Text("bridge_integration_id"), Is.Not.EqualTo((await first.JsonAsync()).Text("bridge_integration_id")));
        Assert.That(InboxCreations, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Activate_SameKeyConcurrently_CreatesExactlyOneInbox()
    {
        // Arrange: the inbox creation takes a while, so every request arrives while the first holds the key.
        Chatwoot.DelayNext(TimeSpan.FromSeconds(1));

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => ActivateWithKeyAsync("key-1", ValidBody().ToJsonString())));

        // Assert
        Assert.That(InboxCreations, Has.Count.EqualTo(1));
        Assert.That(await IntegrationCountAsync(), Is.EqualTo(1));
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.That(created, Is.Not.Empty);
        var bridgeId = await Database.ScalarAsync<string>("SELECT id FROM chatwoot_integrations");
        foreach (var response in created)
        {
            Assert.That((await response.JsonAsync()).Text("bridge_integration_id"), Is.EqualTo(bridgeId));
        }

        foreach (var response in responses.Except(created))
        {
            await response.AssertErrorAsync(HttpStatusCode.Conflict, InProgressMessage);
        }
    }

    [Test]
    public async Task Activate_SameKeyAfterAFailure_MayBeRetried()
    {
        // Arrange
        Chatwoot.FailNext(500, ChatwootErrors.InternalServerError);
        var failed = await ActivateWithKeyAsync("key-1", ValidBody().ToJsonString());

        // Act
        var retried = await ActivateWithKeyAsync("key-1", ValidBody().ToJsonString());

        // Assert
        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.Created), await retried.Content.ReadAsStringAsync());
        Assert.That(Chatwoot.Inboxes, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Activate_SameKeyOnTwoInstances_ActivatesBoth()
    {
        // Arrange
        await CreateInstanceAsync("vendas");

        // Act
        var first = await ActivateWithKeyAsync("key-1", ValidBody().ToJsonString());
        var second = await ActivateWithKeyAsync("key-1", ValidBody().ToJsonString(), "vendas");

        // Assert
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created), await second.Content.ReadAsStringAsync());
        Assert.That((await second.JsonAsync()).Text("instance"), Is.EqualTo("vendas"));
        Assert.That(InboxCreations, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Activate_WithoutKey_IsNotIdempotent()
    {
        // Act
        await ActivateOkAsync();
        await ActivateOkAsync();

        // Assert
        Assert.That(InboxCreations, Has.Count.EqualTo(2));
    }

    private Task<HttpResponseMessage> ActivateWithKeyAsync(string key, string json, string instance = Instance)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/chatwoot/set/{instance}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return Account.SendAsync(request);
    }
}
