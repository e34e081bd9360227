namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/chatwoot-activate.md <c>markReadOnReply</c>: on unless the activation turns it off, an agent's
/// reply is followed by <c>markChatRead</c> for the customer's chat; info shows the setting.</summary>
public sealed class MarkReadOnReplyTests : RoutingTestBase
{
    [Test]
    public async Task MarkReadOnReplyOmitted_TheChatIsMarkedReadAfterTheReply()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();

        // Act
        await AgentRepliesAsync(conversation.Id, "Respondido");

        // Assert
        var read = await Eventually.WaitAsync(() => Engine.ChatReads, r => r.Count > 0, "the read mark");
        Assert.That(read.Single().Body, Is.EqualTo($$"""{"number":"{{ContactJid}}","read":true}"""));
        var send = Engine.Sends.Single();
        var markedAt = Engine.Requests.ToList().FindIndex(r => r.Path.StartsWith("/api/chat/markChatRead/", StringComparison.Ordinal));
        var sentAt = Engine.Requests.ToList().FindIndex(r => r.Body == send.Body);
        Assert.That(markedAt, Is.GreaterThan(sentAt), "after the reply went out");
        using var info = await InfoAsync();
        Assert.That((await info.JsonAsync())["mark_read_on_reply"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task MarkReadOnReplyOff_TheChatIsNotMarkedRead()
    {
        // Arrange
        var body = ValidBody();
        body["markReadOnReply"] = false;
        await ActivateOkAsync(body);
        var conversation = await ContactWritesAsync();

        // Act
        await AgentRepliesAsync(conversation.Id, "Respondido");

        // Assert
        await Engine.WaitForSendsAsync(1, Eventually.Deadline);
        await SettledAsync();
        Assert.That(Engine.ChatReads, Is.Empty);
        using var info = await InfoAsync();
        Assert.That((await info.JsonAsync())["mark_read_on_reply"]!.GetValue<bool>(), Is.False);
    }
}
