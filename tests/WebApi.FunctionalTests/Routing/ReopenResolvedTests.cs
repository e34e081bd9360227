namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/engine-events.md <c>reopenResolved</c>: a message in a chat whose conversation an agent resolved reopens it, or
/// without the flag starts a new conversation. RyzeApi learns of the resolution from Chatwoot's
/// <c>conversation_status_changed</c> webhook.</summary>
public sealed class ReopenResolvedTests : RoutingTestBase
{
    [Test]
    public async Task MessageAfterResolution_ReopenResolvedOn_ReopensTheConversation()
    {
        // Arrange
        await ActivateRoutingAsync(reopenResolved: true);
        var conversation = await ContactWritesAsync("primeira");
        await ResolveAsync(conversation.Id);

        // Act
        var next = await ContactWritesAsync("voltei");

        // Assert
        Assert.That(next.Id, Is.EqualTo(conversation.Id));
        Assert.That(Chatwoot.Conversations, Has.Count.EqualTo(1));
        Assert.That(Chatwoot.FindConversation(conversation.Id)!.Status, Is.EqualTo("open"));
        Assert.That(Chatwoot.MessagesIn(conversation.Id).Select(m => m.Content), Is.EqualTo(new[] { "primeira", "voltei" }));
        Assert.That(Chatwoot.Requests.Count(r => r.Path.EndsWith($"/conversations/{conversation.Id}/toggle_status", StringComparison.Ordinal)),
            Is.EqualTo(1), "reopened with toggle_status");
    }

    [Test]
    public async Task MessageAfterResolution_ReopenResolvedOff_StartsANewConversation()
    {
        // Arrange
        await ActivateRoutingAsync(reopenResolved: false);
        var conversation = await ContactWritesAsync("primeira");
        await ResolveAsync(conversation.Id);

        // Act
        var next = await ContactWritesAsync("voltei");

        // Assert
        Assert.That(next.Id, Is.Not.EqualTo(conversation.Id));
        Assert.That(next.Status, Is.EqualTo("open"));
        Assert.That(next.ContactId, Is.EqualTo(conversation.ContactId), "the same contact");
        Assert.That(next.SourceId, Is.EqualTo(conversation.SourceId), "on the same contact inbox");
        Assert.That(Chatwoot.FindConversation(conversation.Id)!.Status, Is.EqualTo("resolved"));
        Assert.That(Chatwoot.MessagesIn(conversation.Id).Select(m => m.Content), Is.EqualTo(new[] { "primeira" }));
        Assert.That(Chatwoot.MessagesIn(next.Id).Select(m => m.Content), Is.EqualTo(new[] { "voltei" }));
        Assert.That(Chatwoot.OrphanContactInboxes, Is.Empty);
    }

    [Test]
    public async Task AgentReplyInTheOldConversation_AfterANewOneStarted_StillReachesTheChat()
    {
        // Arrange
        await ActivateRoutingAsync(reopenResolved: false);
        var old = await ContactWritesAsync("primeira");
        await ResolveAsync(old.Id);
        await ContactWritesAsync("voltei");

        // Act
        await AgentRepliesAsync(old.Id, "resposta na conversa antiga");

        // Assert
        var send = (await Engine.WaitForSendsAsync(1, Eventually.Deadline)).Single();
        Assert.That(send.Number, Is.EqualTo(ContactJid));
        Assert.That(send.Text, Is.EqualTo("resposta na conversa antiga"));
    }

    /// <summary>An agent resolves the conversation in the dashboard; Chatwoot tells RyzeApi.</summary>
    private async Task ResolveAsync(long conversationId)
    {
        Chatwoot.SetConversationStatus(conversationId, "resolved");
        using var response = await Chatwoot.SendConversationStatusChangedAsync(conversationId);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}
