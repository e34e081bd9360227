namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/engine-events.md <c>startAsPending</c>: a new conversation starts <c>pending</c>, otherwise <c>open</c>.</summary>
public sealed class StartAsPendingTests : RoutingTestBase
{
    [Test]
    public async Task FirstMessage_StartAsPendingOn_StartsAPendingConversation()
    {
        // Arrange
        await ActivateRoutingAsync(startAsPending: true);

        // Act
        var conversation = await ContactWritesAsync();

        // Assert
        Assert.That(conversation.Status, Is.EqualTo("pending"));
        Assert.That(Chatwoot.Conversations, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task FirstMessage_StartAsPendingOff_StartsAnOpenConversation()
    {
        // Arrange
        await ActivateRoutingAsync(startAsPending: false);

        // Act
        var conversation = await ContactWritesAsync();

        // Assert
        Assert.That(conversation.Status, Is.EqualTo("open"));
        Assert.That(Chatwoot.Conversations, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task NextMessages_PendingConversation_AreAddedToIt()
    {
        // Arrange
        await ActivateRoutingAsync(startAsPending: true);
        var first = await ContactWritesAsync("primeira");

        // Act
        var second = await ContactWritesAsync("segunda");

        // Assert
        Assert.That(second.Id, Is.EqualTo(first.Id));
        Assert.That(Chatwoot.Conversations, Has.Count.EqualTo(1));
        Assert.That(Chatwoot.MessagesIn(first.Id).Select(m => m.Content), Is.EqualTo(new[] { "primeira", "segunda" }));
    }
}
