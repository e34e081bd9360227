using System.Text.Json.Nodes;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/chatwoot-webhook.md: the inbox webhook is authenticated by its URL secret (wrong → 404) and, since the fake is a
/// Chatwoot 4.13+ that gave the inbox a signing secret, by <c>X-Chatwoot-Signature</c> over
/// <c>"&lt;timestamp&gt;.&lt;body&gt;"</c> within 5 minutes (bad → 401). A refused call routes nothing.</summary>
public sealed class WebhookSecurityTests : RoutingTestBase
{
    private const string InvalidSignature = "invalid webhook signature: ";

    [Test]
    public async Task WrongSignature_Is401AndNothingIsRouted()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();

        // Act
        using var response = await Chatwoot.SendAgentReplyAsync(conversation.Id, "forjada", "Maria", signing: WebhookSigning.WrongSignature);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, InvalidSignature + "X-Chatwoot-Signature does not match the body");
        await AssertNothingRoutedAsync();
    }

    [Test]
    public async Task StaleTimestamp_Is401AndNothingIsRouted()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();

        // Act
        using var response = await Chatwoot.SendAgentReplyAsync(conversation.Id, "antiga", "Maria", signing: WebhookSigning.StaleTimestamp);

        // Assert
        await response.AssertErrorAsync(
            HttpStatusCode.Unauthorized, InvalidSignature + "X-Chatwoot-Timestamp is not within 5 minutes of the server's clock");
        await AssertNothingRoutedAsync();
    }

    [Test]
    public async Task MissingSignature_InboxWithASigningSecret_Is401AndNothingIsRouted()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();

        // Act
        using var response = await Chatwoot.SendAgentReplyAsync(conversation.Id, "sem assinatura", "Maria", signing: WebhookSigning.Unsigned);

        // Assert
        await response.AssertErrorAsync(
            HttpStatusCode.Unauthorized, InvalidSignature + "X-Chatwoot-Timestamp and X-Chatwoot-Signature are required for this inbox");
        await AssertNothingRoutedAsync();
    }

    [Test]
    public async Task WrongUrlSecret_Is404AndNothingIsRouted_WhileTheRightOneRoutesTheSameBody()
    {
        // Arrange: a genuine agent message whose webhook was refused, to replay.
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        using (await Chatwoot.SendAgentReplyAsync(conversation.Id, "reenviada", "Maria", signing: WebhookSigning.WrongSignature))
        {
        }

        var body = Chatwoot.WebhookDeliveries.Last(d => d.Event == "message_created" && !d.Automatic).Body;
        var url = Inbox.WebhookUrl!;
        var wrongSecretUrl = WrongSecretUrl();

        // Act
        using var wrong = await PostWebhookAsync(wrongSecretUrl, body, Inbox.Secret);

        // Assert
        await wrong.AssertErrorAsync(HttpStatusCode.NotFound,
            "webhook not found - the integration was deactivated or replaced; activate it again to get a new webhook URL");
        await AssertNothingRoutedAsync();
        using var right = await PostWebhookAsync(url, body, Inbox.Secret);
        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK), await right.Content.ReadAsStringAsync());
        var send = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        Assert.That(send.Text, Is.EqualTo("reenviada"));
    }

    [Test]
    public async Task UnknownIntegration_Is404()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        using (await Chatwoot.SendAgentReplyAsync(conversation.Id, "x", "Maria", signing: WebhookSigning.WrongSignature))
        {
        }

        var body = Chatwoot.WebhookDeliveries.Last(d => d.Event == "message_created" && !d.Automatic).Body;
        var secret = Inbox.WebhookUrl![(Inbox.WebhookUrl!.LastIndexOf('/') + 1)..];
        var otherIntegration = Inbox.WebhookUrl.Replace(IntegrationId, "int_0000000000000000", StringComparison.Ordinal);
        Assert.That(otherIntegration, Does.EndWith("/" + secret));

        // Act
        using var response = await PostWebhookAsync(otherIntegration, body, Inbox.Secret);

        // Assert
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        await AssertNothingRoutedAsync();
    }

    [Test]
    public async Task AfterAReplyInTheConversationWasRouted_ForgedCallsAreStillRefused()
    {
        // Arrange: the process knows the conversation, and checks later calls against what it knows.
        var conversation = await ConversationWithAReplySentAsync();

        // Act
        using var wrongSignature = await Chatwoot.SendAgentReplyAsync(conversation.Id, "forjada", "Maria", signing: WebhookSigning.WrongSignature);
        using var stale = await Chatwoot.SendAgentReplyAsync(conversation.Id, "antiga", "Maria", signing: WebhookSigning.StaleTimestamp);
        using var wrongSecret = await PostWebhookAsync(WrongSecretUrl(), NextReplyBody(conversation.Id), Inbox.Secret);

        // Assert
        await wrongSignature.AssertErrorAsync(HttpStatusCode.Unauthorized, InvalidSignature + "X-Chatwoot-Signature does not match the body");
        await stale.AssertErrorAsync(
            HttpStatusCode.Unauthorized, InvalidSignature + "X-Chatwoot-Timestamp is not within 5 minutes of the server's clock");
        await wrongSecret.AssertErrorAsync(HttpStatusCode.NotFound,
            "webhook not found - the integration was deactivated or replaced; activate it again to get a new webhook URL");
        Assert.That(await OutboxCountAsync("agent_reply"), Is.EqualTo(1));
        await SettledAsync();
        Assert.That(Engine.Requests.Count(r => r.Path.StartsWith("/api/message/", StringComparison.Ordinal)), Is.EqualTo(1), "only the genuine reply was sent");
    }

    [Test]
    public async Task AfterDeactivation_AReplyInAConversationRoutedBefore_Is404AndNotSent()
    {
        // Arrange: a reply routed (the conversation is known), then the integration deactivated; Chatwoot (say, one
        // whose webhook URL could not be cleared) still posts the next agent message with the old URL and secret.
        var conversation = await ConversationWithAReplySentAsync();
        var (url, signingSecret, body) = (Inbox.WebhookUrl!, Inbox.Secret, NextReplyBody(conversation.Id));
        using (var deactivated = await DeactivateAsync())
        {
            Assert.That(deactivated.IsSuccessStatusCode, Is.True, await deactivated.Content.ReadAsStringAsync());
        }

        // Act
        using var response = await PostWebhookAsync(url, body, signingSecret);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.NotFound,
            "webhook not found - the integration was deactivated or replaced; activate it again to get a new webhook URL");
        Assert.That(await OutboxCountAsync("agent_reply"), Is.Zero);
        Assert.That(Engine.Requests.Count(r => r.Path.StartsWith("/api/message/", StringComparison.Ordinal)), Is.EqualTo(1), "only the reply before deactivation was sent");
    }

    // An agent replied in a conversation and the reply went to WhatsApp: the process now knows the conversation.
    private async Task<FakeConversation> ConversationWithAReplySentAsync()
    {
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        await AgentRepliesAsync(conversation.Id, "primeira");
        await Engine.WaitForSendsAsync(1, Eventually.Deadline);
        return conversation;
    }

    private string WrongSecretUrl()
    {
        var url = Inbox.WebhookUrl!;
        return url[..(url.LastIndexOf('/') + 1)] + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    }

    // The last agent message's webhook body, as another message of the same conversation (a new message id).
    private string NextReplyBody(long conversationId)
    {
        var last = Chatwoot.WebhookDeliveries.Last(d => d.Event == "message_created" && !d.Automatic && d.ConversationId == conversationId);
        var body = JsonNode.Parse(last.Body)!.AsObject();
        body["id"] = body["id"]!.GetValue<long>() + 1000;
        body["content"] = "outra";
        return body.ToJsonString();
    }

    private async Task AssertNothingRoutedAsync()
    {
        Assert.That(await OutboxCountAsync("agent_reply"), Is.Zero, "no agent reply was recorded");
        await SettledAsync();
        Assert.That(Engine.Requests.Where(r => r.Path.StartsWith("/api/message/", StringComparison.Ordinal)), Is.Empty, "nothing was sent to WhatsApp");
    }
}
