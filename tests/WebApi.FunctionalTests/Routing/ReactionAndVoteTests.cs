using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/engine-events.md, "Every kind of message in Chatwoot": a reaction is a message holding the
/// emoji and a poll vote <c>🗳️ option(s)</c>, each replying to its message; a removed reaction is not posted; a button
/// or list reply is its text as is.</summary>
public sealed class ReactionAndVoteTests : KindsTestBase
{
    [TestCase("\"content\": {\"text\": \"👍\"}, \"replyTo\": {\"messageId\": \"{0}\"}")]
    [TestCase("\"content\": \"👍\", \"quotedMessageId\": \"{0}\"")]
    [TestCase("\"content\": null, \"reaction\": \"👍\", \"replyTo\": \"{0}\"")]
    [TestCase("\"content\": null, \"reaction\": {\"text\": \"👍\", \"key\": {\"id\": \"{0}\"}}")]
    public async Task Reaction_IsTheEmojiReplyingToItsMessage(string spelling)
    {
        // Arrange
        await ActivateRoutingAsync();
        var original = await CustomerWritesAsync("o pedido chegou");
        var reaction = EngineEvents.Text(ContactJid, "x", "João") with { Type = "reaction" };

        // Act
        await PostEventExpectingAsync(EventFields.With(reaction, spelling.Replace("{0}", original.WhatsAppId, StringComparison.Ordinal)));

        // Assert
        var landed = await WaitForChatwootMessageAsync(reaction.Id);
        Assert.That((landed.Content, landed.Private, landed.InReplyTo), Is.EqualTo(("👍", false, (long?)original.Chatwoot.Id)));
    }

    [TestCase("\"content\": {\"text\": \"\"}")]
    [TestCase("\"content\": null, \"reaction\": \"\"")]
    public async Task RemovedReaction_IsNotPosted(string spelling)
    {
        // Arrange
        await ActivateRoutingAsync();
        var original = await CustomerWritesAsync("o pedido chegou");
        var removed = EngineEvents.Text(ContactJid, "x", "João") with { Type = "reaction" };

        // Act
        var (status, outcome, body) = await PostEventAsync(EventFields.With(removed, spelling + $", \"replyTo\": \"{original.WhatsAppId}\""));

        // Assert
        Assert.That((status, outcome), Is.EqualTo((HttpStatusCode.Accepted, (string?)"ignored")), body);
        Assert.That(body, Does.Contain("a removed reaction is not shown in Chatwoot"));
        await SettledAsync();
        Assert.That(Chatwoot.MessagesIn(original.Chatwoot.ConversationId).Select(m => m.Content), Is.EqualTo(new[] { "o pedido chegou" }));
    }

    [TestCase("poll_update", "\"vote\": {\"pollId\": \"{0}\", \"selectedOptions\": [\"Manhã\"]}", "🗳️ Manhã")]
    [TestCase("poll_vote", "\"vote\": {\"pollMessageId\": \"{0}\", \"options\": [{\"name\": \"Manhã\"}, {\"optionName\": \"Tarde\"}]}", "🗳️ Manhã, Tarde")]
    [TestCase("poll_vote", "\"selectedOptions\": [\"Tarde\"], \"pollId\": \"{0}\"", "🗳️ Tarde")]
    [TestCase("poll_update", "\"selectedOptions\": [\"Tarde\"], \"replyTo\": {\"messageId\": \"{0}\"}", "🗳️ Tarde")]
    public async Task PollVote_NamesTheOptionsReplyingToThePoll(string type, string spelling, string expected)
    {
        // Arrange
        await ActivateRoutingAsync();
        var poll = await CustomerWritesAsync("📊 Melhor horário?\n1. Manhã\n2. Tarde");
        var vote = EngineEvents.Text(ContactJid, "x", "João") with { Type = type, Text = null };

        // Act
        await PostEventExpectingAsync(EventFields.With(vote, spelling.Replace("{0}", poll.WhatsAppId, StringComparison.Ordinal)));

        // Assert
        var landed = await WaitForChatwootMessageAsync(vote.Id);
        Assert.That((landed.Content, landed.Private, landed.InReplyTo), Is.EqualTo((expected, false, (long?)poll.Chatwoot.Id)));
    }

    [Test]
    public async Task PollVoteWithoutNamedOptions_IsTheUnsupportedNote()
    {
        // Arrange: WhatsApp may give only the options' hashes.
        await ActivateRoutingAsync();
        var vote = EngineEvents.Text(ContactJid, "x", "João") with { Type = "poll_update", Text = null };

        // Act
        await PostEventExpectingAsync(EventFields.With(vote, "\"vote\": {\"pollId\": \"3EB0P\", \"selectedOptions\": [{\"hash\": \"ab12\"}]}"));

        // Assert
        var landed = await WaitForChatwootMessageAsync(vote.Id);
        Assert.That((landed.Content, landed.Private), Is.EqualTo(("Unsupported WhatsApp message (poll_update) — see the phone", true)));
    }

    [TestCase("buttons_response")]
    [TestCase("list_response")]
    [TestCase("template_button_reply")]
    [TestCase("interactive")]
    public async Task ButtonOrListReply_IsItsTextAsIs(string type)
    {
        // Arrange: RyzeAPI sends the button's or the row's id as the text.
        await ActivateRoutingAsync();
        var reply = EngineEvents.Text(ContactJid, "opt_2_tarde", "João") with { Type = type };

        // Act
        await PostEventExpectingAsync(reply.ToJson());

        // Assert
        var landed = await WaitForChatwootMessageAsync(reply.Id);
        Assert.That((landed.Content, landed.Private), Is.EqualTo(("opt_2_tarde", false)));
    }
}
