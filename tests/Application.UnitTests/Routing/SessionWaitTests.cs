namespace RyzeApi.Application.UnitTests.Routing;

/// <summary>A send the engine refuses because the WhatsApp session is down waits for the session: it is neither failed
/// nor counted against the integration's health, the session is recorded down once per batch, and the retry budget
/// still ends it.</summary>
[TestFixture]
public sealed class SessionWaitTests : DispatcherTestBase
{
    [Test]
    public async Task Dispatch_SessionNotConnected_WaitsForTheSessionWithoutATickOrAHealthChange()
    {
        // Arrange
        Engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineNotConnectedException("Instance is not connected to WhatsApp"));
        var first = Reply(1, attempts: 1);
        var second = Reply(2, attempts: 1);
        var other = Reply(3, attempts: 1) with { Lane = new Lane(LaneKind.AgentReplies, "5521988888888") };

        // Act
        await Dispatcher().DispatchAsync([first, second, other], CancellationToken.None);

        // Assert
        const string reason = "the WhatsApp session is not connected: Instance is not connected to WhatsApp";
        Outbox.Verify(o => o.WaitForSessionAsync(first, It.IsAny<DateTimeOffset>(), reason, It.IsAny<CancellationToken>()), Times.Once);
        Outbox.Verify(o => o.WaitForSessionAsync(other, It.IsAny<DateTimeOffset>(), reason, It.IsAny<CancellationToken>()), Times.Once);
        Outbox.Verify(o => o.ReleaseAsync(second, It.IsAny<CancellationToken>()), Times.Once, "later replies of the chat wait behind the first");
        Outbox.Verify(o => o.RetryAsync(It.IsAny<OutboxItem>(), It.IsAny<DateTimeOffset>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Outbox.Verify(o => o.FailAsync(It.IsAny<OutboxItem>(), It.IsAny<string>(), It.IsAny<NewOutboxItem?>(), It.IsAny<CancellationToken>()), Times.Never);
        Chatwoot.Verify(c => c.UpdateMessageStatusAsync(
            It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<long>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
        Integrations.Verify(i => i.SetHealthAsync(
            It.IsAny<string>(), It.IsAny<IntegrationStatus>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
        Sessions.Verify(s => s.SendFoundNotConnectedAsync(TestData.IntegrationId, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_SessionStillDownAtTheLastAttempt_GivesUpAndMarksTheReplyFailed()
    {
        // Arrange (MaxAttempts is 3 here)
        Engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineNotConnectedException("Instance is not connected to WhatsApp"));
        var item = Reply(1, attempts: 3);

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert
        const string givenUp = "delivery given up after 3 attempts: the WhatsApp session is not connected: Instance is not connected to WhatsApp";
        Outbox.Verify(o => o.FailAsync(item, givenUp, It.Is<NewOutboxItem>(f => f.DedupeKey == "st:cw501:failed"), It.IsAny<CancellationToken>()), Times.Once);
        Outbox.Verify(o => o.WaitForSessionAsync(It.IsAny<OutboxItem>(), It.IsAny<DateTimeOffset>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Integrations.Verify(i => i.SetHealthAsync(TestData.IntegrationId, IntegrationStatus.Error, givenUp, false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_SendsSucceed_RecordNoSessionState()
    {
        // Arrange
        Engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync("WA1");

        // Act
        await Dispatcher().DispatchAsync([Reply(1, attempts: 1)], CancellationToken.None);

        // Assert: nothing per message on the steady path.
        Sessions.VerifyNoOtherCalls();
    }
}
