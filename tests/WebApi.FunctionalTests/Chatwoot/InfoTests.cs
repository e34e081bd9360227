using System.Text.Json.Nodes;

namespace RyzeApi.WebApi.FunctionalTests.Chatwoot;

/// <summary>docs/api/en/chatwoot-info.md: <c>GET /api/chatwoot/list/{instance}</c> shows the stored integration, token in plaintext.</summary>
public sealed class InfoTests : ChatwootTestBase
{
    [Test]
    public async Task Info_Activated_Is200WithEveryFieldOfSpec4()
    {
        // Arrange
        var body = ValidBody();
        body["inboxName"] = "WhatsApp - Orion";
        body["signMessages"] = true;
        body["reopenResolved"] = true;
        var bridgeId = await ActivateOkAsync(body);

        // Act
        var response = await InfoAsync();

        // Assert
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var info = JsonNode.Parse(text)!.AsObject();
        Assert.That(info.Select(p => p.Key), Is.EquivalentTo(new[]
        {
            "instance_name", "status", "bridge_integration_id", "chatwoot_base_url", "chatwoot_account_id", "chatwoot_api_token",
            "chatwoot_inbox_id", "chatwoot_inbox_name", "last_error", "created_at",
            "sign_messages", "ignore_groups", "start_as_pending", "reopen_resolved", "mark_read_on_reply",
            "whatsapp_state", "whatsapp_state_since", "deliveries",
        }), text);
        Assert.That(info.Text("instance_name"), Is.EqualTo("suporte"));
        Assert.That(info.Text("status"), Is.EqualTo("active"));
        Assert.That(info.Text("bridge_integration_id"), Is.EqualTo(bridgeId));
        Assert.That(info.Text("chatwoot_base_url"), Is.EqualTo(Chatwoot.BaseUrl));
        Assert.That(info["chatwoot_account_id"]!.GetValue<long>(), Is.EqualTo(5));
        Assert.That(info.Text("chatwoot_api_token"), Is.EqualTo(AdminToken));
        Assert.That(info["chatwoot_inbox_id"]!.GetValue<long>(), Is.EqualTo(Chatwoot.Inboxes.Single().Id));
        Assert.That(info.Text("chatwoot_inbox_name"), Is.EqualTo("WhatsApp - Orion"));
        Assert.That(info.Text("last_error"), Is.Empty);
        Assert.That(info.Text("created_at"), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        Assert.That(DateTimeOffset.Parse(info.Text("created_at"), System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        Assert.That(info["sign_messages"]!.GetValue<bool>(), Is.True);
        Assert.That(info["ignore_groups"]!.GetValue<bool>(), Is.False);
        Assert.That(info["start_as_pending"]!.GetValue<bool>(), Is.False);
        Assert.That(info["reopen_resolved"]!.GetValue<bool>(), Is.True);
        Assert.That(info["mark_read_on_reply"]!.GetValue<bool>(), Is.True, "on when the activation leaves it out");
        Assert.That(info.Text("whatsapp_state"), Is.EqualTo("unknown"), "the engine has reported no session yet");
        Assert.That(info["whatsapp_state_since"], Is.Null);
        Assert.That(info["deliveries"]!.ToJsonString(),
            Is.EqualTo("""{"pending":0,"failed_last_24h":0,"oldest_pending_age_seconds":null,"last_delivered_at":null}"""), "nothing routed yet");
    }

    [Test]
    public async Task Info_WithItsOwnInstanceToken_Is200()
    {
        // Arrange
        await ActivateOkAsync();
        using var instance = Api.CreateClientWithToken(InstanceToken);

        // Act
        var response = await InfoAsync(instance);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.JsonAsync()).Text("chatwoot_api_token"), Is.EqualTo(AdminToken));
    }

    [Test]
    public async Task Info_NotActivated_Is404()
    {
        // Act
        var response = await InfoAsync();

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "no chatwoot integration for this instance");
    }

    [Test]
    public async Task Info_UnknownInstance_Is404()
    {
        // Act
        var response = await InfoAsync(instance: "nao-existe");

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "instance not found");
    }

    [Test]
    public async Task Info_InstanceOfAnotherAccount_Is404()
    {
        // Arrange
        await ActivateOkAsync();
        using var other = await CreateOtherAccountAsync("other-account-token-1234");

        // Act
        var response = await InfoAsync(other);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "instance not found");
    }

    [Test]
    public async Task InstanceList_AfterActivation_ShowsTheIntegration()
    {
        // Arrange
        var bridgeId = await ActivateOkAsync();

        // Act
        var list = await (await Account.GetAsync("/api/instance/list")).JsonAsync();

        // Assert
        var chatwoot = list["instances"]!.AsArray().Single()!["chatwoot"]!.AsObject();
        Assert.That(chatwoot.Select(p => p.Key), Is.EquivalentTo(new[] { "status", "bridge_integration_id" }));
        Assert.That(chatwoot.Text("status"), Is.EqualTo("active"));
        Assert.That(chatwoot.Text("bridge_integration_id"), Is.EqualTo(bridgeId));
    }
}
