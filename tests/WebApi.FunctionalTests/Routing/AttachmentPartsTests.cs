using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/chatwoot-webhook.md "What an agent does besides replying": each attachment of an agent's
/// message is its own delivery (the text the first one's caption), so a failed one is retried alone.</summary>
public sealed class AttachmentPartsTests : RoutingTestBase
{
    private static readonly byte[] s_png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x07];

    [Test]
    public async Task ThreeAttachments_AreThreeDeliveriesSentInOrderWithTheTextOnTheFirst()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();

        // Act
        await AgentRepliesAsync(conversation.Id, "as fotos", attachments: [Png("a.png"), Png("b.png"), Png("c.png")]);

        // Assert
        var sends = await Engine.WaitForSendsAsync(3, Eventually.Deadline);
        Assert.That(sends.Select(s => (s.FileName, s.Caption)), Is.EqualTo(new[] { ("a.png", "as fotos"), ("b.png", (string?)null), ("c.png", null) }));
        Assert.That(await OutboxCountAsync("agent_reply"), Is.EqualTo(3));
    }

    [Test]
    public async Task SecondAttachmentFailsOnce_OnlyItIsSentAgain()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        Engine.FailNext(500, EngineErrors.InternalServerError, matching: r => r.Body.Contains("\"b.png\"", StringComparison.Ordinal));

        // Act
        await AgentRepliesAsync(conversation.Id, "as fotos", attachments: [Png("a.png"), Png("b.png"), Png("c.png")]);

        // Assert: a.png went once; b.png was tried twice; c.png after it
        var sends = await Engine.WaitForSendsAsync(3, Eventually.Deadline);
        await SettledAsync();
        Assert.That(Engine.Sends.Select(s => s.FileName), Is.EqualTo(new[] { "a.png", "b.png", "c.png" }));
        Assert.That(Engine.Requests.Count(r => r.Path.StartsWith("/api/message/media", StringComparison.Ordinal)), Is.EqualTo(4));
        Assert.That(sends[0].FileName, Is.EqualTo("a.png"));
    }

    private static FakeFile Png(string name) => new(name, "image/png", s_png);
}
