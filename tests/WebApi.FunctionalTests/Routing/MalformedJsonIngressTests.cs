using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>The engine-events and webhook endpoints say what is wrong with a body that is not JSON in the same words
/// as activation and instance creation: line and column from 1, and what was expected.</summary>
public sealed class MalformedJsonIngressTests : RoutingTestBase
{
    [Test]
    public async Task EngineEvent_MalformedOnItsSecondLine_Is400SayingWhereAndWhat()
    {
        // Arrange: a trailing comma on line 2.
        await ActivateRoutingAsync();
        const string body = "{\"event\": \"message.exchange\",\n \"data\": {\"a\": 1,}}";

        // Act
        var (status, _, answer) = await PostEventAsync(body);

        // Assert
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), answer);
        Assert.That(answer, Is.EqualTo(
            "{\"success\":false,\"error\":{\"message\":\"invalid body: malformed JSON at line 2, column 18: a comma before '}' must be followed by another property\"}}"));
        Assert.That(await PendingWorkAsync(), Is.Zero);
    }

    [Test]
    public async Task EngineEvent_EventNameInThePath_MalformedBody_Is400SayingWhereAndWhat()
    {
        // Arrange
        await ActivateRoutingAsync();
        using var client = Api.CreateClient();

        // Act
        using var response = await EngineEvents.PostAsync(client, Instance, InstanceToken, "{\"event\" \"message.exchange\"}", "message.exchange");

        // Assert
        await response.AssertErrorAsync(
            HttpStatusCode.BadRequest, "invalid body: malformed JSON at line 1, column 10: expected ':' after a property name, found '\"'");
    }

    [Test]
    public async Task Webhook_MalformedOnItsThirdLine_Is400SayingWhereAndWhat()
    {
        // Arrange: a correctly signed call whose body is not JSON (Chatwoot never sends one; a proxy might).
        await ActivateRoutingAsync();
        const string body = "{\n  \"event\": \"message_created\",\n  \"id\": 12 \"content\": \"x\"\n}";

        // Act
        using var response = await PostWebhookAsync(Inbox.WebhookUrl!, body, Inbox.Secret);

        // Assert
        await response.AssertErrorAsync(
            HttpStatusCode.BadRequest, "invalid body: malformed JSON at line 3, column 12: expected ',', '}' or ']' after a value, found '\"'");
        Assert.That(await PendingWorkAsync(), Is.Zero);
    }
}
