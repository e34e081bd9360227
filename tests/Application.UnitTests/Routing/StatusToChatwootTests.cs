using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Handlers;

namespace RyzeApi.Application.UnitTests.Routing;

[TestFixture]
public sealed class StatusToChatwootTests
{
    /// <summary>A status row's last attempt with the configured 12: <see cref="StatusToChatwoot.AttemptsForUnknownMessage"/> + 2.</summary>
    private const int LastAttempt = StatusToChatwoot.AttemptsForUnknownMessage + 2;

    private readonly Mock<IChatwootMessaging> _chatwoot = new();
    private readonly Mock<IRoutingRepository> _routing = new();

    [Test]
    public async Task Deliver_SentAfterFailedWasShown_IsSkipped()
    {
        // Arrange
        _routing.Setup(r => r.LatestReportShownAsync(TestData.IntegrationId, "3EB0SENT", It.IsAny<CancellationToken>())).ReturnsAsync("failed");

        // Act
        var outcome = await Statuses().DeliverAsync(Context(), Claimed(new MessageStatusChange("3EB0SENT", "sent", null, 501, 77), 1), CancellationToken.None);

        // Assert: the engine's reason stays on the message
        Assert.That(outcome, Is.InstanceOf<DeliveryOutcome.Skipped>());
        _chatwoot.Verify(c => c.UpdateMessageStatusAsync(
            It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<long>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Deliver_SentWithNothingLaterShown_IsSet()
    {
        // Act
        var outcome = await Statuses().DeliverAsync(Context(), Claimed(new MessageStatusChange("3EB0SENT", "sent", null, 501, 77), LastAttempt), CancellationToken.None);

        // Assert
        Assert.That(outcome, Is.InstanceOf<DeliveryOutcome.Delivered>());
        _chatwoot.Verify(c => c.UpdateMessageStatusAsync(TestData.Connection, 77, 501, "sent", null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Deliver_Delivered_IsSetWithoutLookingForLaterReports()
    {
        // Arrange
        _routing.Setup(r => r.FindLinkAsync(TestData.IntegrationId, "3EB0SENT", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MessageLink(TestData.IntegrationId, "3EB0SENT", 501, 77, MessageDirection.ToWhatsApp));

        // Act
        await Statuses().DeliverAsync(Context(), Claimed(new MessageStatusChange("3EB0SENT", "delivered", null, null, null), 1), CancellationToken.None);

        // Assert
        _chatwoot.Verify(c => c.UpdateMessageStatusAsync(TestData.Connection, 77, 501, "delivered", null, It.IsAny<CancellationToken>()), Times.Once);
        _routing.Verify(r => r.LatestReportShownAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [TestCase(1, typeof(DeliveryOutcome.Wait))]
    [TestCase(LastAttempt - 1, typeof(DeliveryOutcome.Wait))]
    [TestCase(LastAttempt, typeof(DeliveryOutcome.Delivered))]
    public async Task Deliver_SentAfterDeliveredWasShown_SetsDeliveredAgainAndHoldsTheLaneUntilItsLastAttempt(int attempt, Type outcome)
    {
        // Arrange: our queued tick, behind the engine's "delivered" that went first; the "sent" given up at once may
        // still reach Chatwoot after both, so the tick is tried again later (a report behind it waits in the lane)
        _routing.Setup(r => r.LatestReportShownAsync(TestData.IntegrationId, "3EB0SENT", It.IsAny<CancellationToken>())).ReturnsAsync("delivered");

        // Act
        var delivered = await Statuses().DeliverAsync(Context(), Claimed(new MessageStatusChange("3EB0SENT", "sent", null, 501, 77), attempt), CancellationToken.None);

        // Assert
        Assert.That(delivered, Is.InstanceOf(outcome));
        _chatwoot.Verify(c => c.UpdateMessageStatusAsync(TestData.Connection, 77, 501, "delivered", null, It.IsAny<CancellationToken>()), Times.Once);
        _chatwoot.Verify(c => c.UpdateMessageStatusAsync(
            It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<long>(), "sent", It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Deliver_EnginesOwnSentReport_IsDeliveredAtOnce()
    {
        // Arrange: the engine's "sent" names no Chatwoot message; nothing of ours is in flight for it
        _routing.Setup(r => r.FindLinkAsync(TestData.IntegrationId, "3EB0SENT", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new MessageLink(TestData.IntegrationId, "3EB0SENT", 501, 77, MessageDirection.ToWhatsApp));

        // Act
        var outcome = await Statuses().DeliverAsync(Context(), Claimed(new MessageStatusChange("3EB0SENT", "sent", null, null, null), 1), CancellationToken.None);

        // Assert
        Assert.That(outcome, Is.InstanceOf<DeliveryOutcome.Delivered>());
        _chatwoot.Verify(c => c.UpdateMessageStatusAsync(TestData.Connection, 77, 501, "sent", null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Deliver_FailedTickOfARefusedSend_IsDeliveredAtOnce()
    {
        // Act
        var outcome = await Statuses().DeliverAsync(Context(), Claimed(new MessageStatusChange(string.Empty, "failed", "invalid number", 501, 77), 1), CancellationToken.None);

        // Assert
        Assert.That(outcome, Is.InstanceOf<DeliveryOutcome.Delivered>());
        _chatwoot.Verify(c => c.UpdateMessageStatusAsync(TestData.Connection, 77, 501, "failed", "invalid number", It.IsAny<CancellationToken>()), Times.Once);
    }

    private StatusToChatwoot Statuses() => new(_chatwoot.Object, _routing.Object, Options.Create(new RoutingOptions { MaxAttempts = 12 }));

    private static DeliveryContext Context() => new(TestData.Integration(), "suporte", TestData.Connection);

    private static Claimed<MessageStatusChange> Claimed(MessageStatusChange change, int attempt) => new(1, TestData.IntegrationId, change, attempt, null);
}
