using System.Text.Json;
using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Handlers;

namespace RyzeApi.Application.UnitTests.Routing;

/// <summary>What each outcome of a delivery records: the row, the Chatwoot tick, the integration's health.</summary>
[TestFixture]
public sealed class OutboxDispatcherTests : DispatcherTestBase
{
    [Test]
    public async Task Dispatch_EngineAccepts_MarksSentAndCompletesWithTheLink()
    {
        // Arrange
        Engine.Setup(e => e.SendTextAsync("suporte", "5511999999999", It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync("WA1");
        var item = Reply(1, attempts: 1);

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert: the tick set at once; the completion records the link and the chat's read mark (markReadOnReply)
        Outbox.Verify(o => o.CompleteAsync(
            item,
            new MessageLink(TestData.IntegrationId, "WA1", 501, 77, MessageDirection.ToWhatsApp),
            It.Is<NewOutboxItem>(f => f.Kind == ChatReadMark.KindName),
            It.IsAny<CancellationToken>()), Times.Once);
        Chatwoot.Verify(c => c.UpdateMessageStatusAsync(TestData.Connection, 77, 501, "sent", null, It.IsAny<CancellationToken>()), Times.Once);
        Integrations.Verify(i => i.SetHealthAsync(It.IsAny<string>(), It.IsAny<IntegrationStatus>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Dispatch_SignMessages_PrefixesTheAgentNameInBold()
    {
        // Arrange
        string? sent = null;
        Engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, string text, CancellationToken _) => sent = text).ReturnsAsync("WA1");

        // Act
        await Dispatcher().DispatchAsync([Reply(1, attempts: 1)], CancellationToken.None);

        // Assert (TestData.Settings has signMessages on)
        Assert.That(sent, Is.EqualTo("*Ana*:\nPosso ajudar?"));
    }

    [Test]
    public async Task Dispatch_EngineUnavailable_RetriesLaterAndPausesTheIntegration()
    {
        // Arrange
        Engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineUnavailableException("the engine is unreachable"));
        var first = Reply(1, attempts: 1);
        var second = Reply(2, attempts: 1);

        // Act
        await Dispatcher().DispatchAsync([first, second], CancellationToken.None);

        // Assert: the chat waits behind its first item, untouched.
        Outbox.Verify(o => o.RetryAsync(first, It.IsAny<DateTimeOffset>(), "the engine is unreachable", It.IsAny<CancellationToken>()), Times.Once);
        Outbox.Verify(o => o.ReleaseAsync(second, It.IsAny<CancellationToken>()), Times.Once);
        Engine.Verify(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        Integrations.Verify(i => i.SetHealthAsync(TestData.IntegrationId, IntegrationStatus.Paused, It.Is<string>(s => s.Contains("the engine is unreachable")), false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_LastAttemptFails_MarksFailedInTheOutboxAndChatwootAndTheIntegrationInError()
    {
        // Arrange
        Engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineUnavailableException("the engine is unreachable"));
        var item = Reply(1, attempts: 3);

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert: the agent sees the last error beside the message
        Outbox.Verify(o => o.FailAsync(
            item, "delivery given up after 3 attempts: the engine is unreachable",
            It.Is<NewOutboxItem>(f => f.Lane == new Lane(LaneKind.MessageStatus, "cw501") && f.DedupeKey == "st:cw501:failed"
                && JsonSerializer.Deserialize<MessageStatusChange>(f.Payload, (JsonSerializerOptions?)null)!.Equals(
                    new MessageStatusChange(string.Empty, "failed", "Not sent to WhatsApp after 3 attempts: the engine is unreachable", 501, 77))),
            It.IsAny<CancellationToken>()), Times.Once);
        Integrations.Verify(i => i.SetHealthAsync(TestData.IntegrationId, IntegrationStatus.Error, "delivery given up after 3 attempts: the engine is unreachable", false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_EngineRefuses_FailsTheItemAndMarksTheChatwootMessageFailed()
    {
        // Arrange
        Engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineRejectedException("Number is not on WhatsApp", 400));
        var item = Reply(1, attempts: 1);

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert
        Outbox.Verify(o => o.FailAsync(
            item, "the engine refused the message: Number is not on WhatsApp", null, It.IsAny<CancellationToken>()), Times.Once);
        Chatwoot.Verify(c => c.UpdateMessageStatusAsync(
            TestData.Connection, 77, 501, "failed", "Number is not on WhatsApp", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_ChatwootRejectsTheToken_HaltsDeliveriesAndReleasesTheWork()
    {
        // Arrange
        Routing.Setup(r => r.FindChatsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new[] { new RoutedChat(TestData.IntegrationId, "5511999999999", 1, "src", 77, "open") });
        Chatwoot.Setup(c => c.CreateMessageAsync(It.IsAny<ChatwootConnection>(), 77, It.IsAny<ChatwootNewMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UpstreamRejectedException(UpstreamFailureKind.CredentialsRejected, "Chatwoot rejected the API token", 401));
        var item = Inbound(1, attempts: 1);

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert
        Outbox.Verify(o => o.ReleaseAsync(item, It.IsAny<CancellationToken>()), Times.Once);
        Integrations.Verify(i => i.SetHealthAsync(TestData.IntegrationId, IntegrationStatus.Error, "Chatwoot rejected the API token", true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_DeliveredWhilePaused_BringsTheIntegrationBackToActive()
    {
        // Arrange
        Target(IntegrationStatus.Paused, "Chatwoot is unreachable");
        Engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync("WA1");

        // Act
        await Dispatcher().DispatchAsync([Reply(1, attempts: 2)], CancellationToken.None);

        // Assert
        Integrations.Verify(i => i.SetHealthAsync(TestData.IntegrationId, IntegrationStatus.Active, string.Empty, false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_UnreadableReplyGivenUp_IsMarkedFailedWithoutATick()
    {
        // Arrange: a payload that cannot be read fails every attempt; this is the last one
        var item = Reply(1, attempts: 3) with { Payload = "{\"ChatwootMessageId\": " };

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert: the row is failed all the same (before, reading it again for the tick threw and left it leased)
        Outbox.Verify(o => o.FailAsync(item, It.Is<string>(e => e.StartsWith("delivery given up after 3 attempts")), null, It.IsAny<CancellationToken>()), Times.Once);
    }
}
