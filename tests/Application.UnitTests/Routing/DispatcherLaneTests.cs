using System.Text.Json;
using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Handlers;

namespace RyzeApi.Application.UnitTests.Routing;

/// <summary>A lane's rows in order under leases, the chat read with the claim, and echoes of our own sends.</summary>
[TestFixture]
public sealed class DispatcherLaneTests : DispatcherTestBase
{
    [Test]
    public async Task Dispatch_RetriedInboundMessage_ChecksWhetherItLandedBeforePostingAgain()
    {
        // Arrange
        Routing.Setup(r => r.FindChatsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new[] { new RoutedChat(TestData.IntegrationId, "5511999999999", 1, "src", 77, "open") });
        Chatwoot.Setup(c => c.FindMessageBySourceIdAsync(It.IsAny<ChatwootConnection>(), 77, "WAID:M1", It.IsAny<CancellationToken>())).ReturnsAsync(900);
        var item = Inbound(1, attempts: 2);

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert
        Chatwoot.Verify(c => c.CreateMessageAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<ChatwootNewMessage>(), It.IsAny<CancellationToken>()), Times.Never);
        Outbox.Verify(o => o.CompleteAsync(item, new MessageLink(TestData.IntegrationId, "M1", 900, 77, MessageDirection.ToChatwoot), null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_ChatReadWithTheClaim_IsUsedForTheLanesFirstItemAndReadAgainForTheNext()
    {
        // Arrange: the claim brought the chat; the database knows it too (as the first item left it)
        var known = new RoutedChat(TestData.IntegrationId, "5511999999999", 1, "src", 77, "open");
        Routing.Setup(r => r.FindChatsAsync(TestData.IntegrationId, "5511999999999", It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(new[] { known });
        Chatwoot.Setup(c => c.CreateMessageAsync(It.IsAny<ChatwootConnection>(), 77, It.IsAny<ChatwootNewMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(900L);
        var first = Inbound(1, attempts: 1) with { Chat = known };
        var second = Inbound(2, attempts: 1) with { Chat = known };

        // Act
        await Dispatcher().DispatchAsync([first, second], CancellationToken.None);

        // Assert: one read, for the second item, whose chat the first could have changed
        Routing.Verify(r => r.FindChatsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Once);
        Chatwoot.Verify(c => c.CreateMessageAsync(It.IsAny<ChatwootConnection>(), 77, It.IsAny<ChatwootNewMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public async Task Dispatch_ChatReadWithTheClaimLongAgo_IsReadAgain()
    {
        // Arrange: the lane's turn comes after the claimed chat is no longer fresh (an agent may have resolved it)
        var claimed = new RoutedChat(TestData.IntegrationId, "5511999999999", 1, "src", 77, "open");
        Routing.Setup(r => r.FindChatsAsync(TestData.IntegrationId, "5511999999999", It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new[] { claimed with { ConversationId = 78 } });
        Chatwoot.Setup(c => c.CreateMessageAsync(It.IsAny<ChatwootConnection>(), 78, It.IsAny<ChatwootNewMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(900L);

        // Act
        await Dispatcher(new SlowClock()).DispatchAsync([Inbound(1, attempts: 1) with { Chat = claimed }], CancellationToken.None);

        // Assert: the chat as it is now decides the conversation
        Chatwoot.Verify(c => c.CreateMessageAsync(It.IsAny<ChatwootConnection>(), 78, It.IsAny<ChatwootNewMessage>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_LeaseLostWhileDelivering_LeavesTheRestOfTheChatUntouched()
    {
        // Arrange: a lease of 90 ms renewed every 30 ms, a send of 300 ms, and a database that says the leases are gone.
        RoutingOptions.LeaseDuration = TimeSpan.FromMilliseconds(90);
        Engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await Task.Delay(300);
                return "WA1";
            });
        Outbox.Setup(o => o.RenewLeasesAsync(It.IsAny<IReadOnlyCollection<OutboxItem>>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Array.Empty<long>());
        var first = Reply(1, attempts: 1);
        var second = Reply(2, attempts: 1);

        // Act
        await Dispatcher().DispatchAsync([first, second], CancellationToken.None);

        // Assert: the attempt made is recorded; the next one belongs to whoever re-claimed it.
        Engine.Verify(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        Outbox.Verify(o => o.CompleteAsync(first, It.IsAny<MessageLink>(), It.IsAny<NewOutboxItem>(), It.IsAny<CancellationToken>()), Times.Once);
        Outbox.Verify(o => o.CompleteAsync(second, It.IsAny<MessageLink?>(), It.IsAny<NewOutboxItem?>(), It.IsAny<CancellationToken>()), Times.Never);
        Outbox.Verify(o => o.ReleaseAsync(second, It.IsAny<CancellationToken>()), Times.Never);
        Outbox.Verify(o => o.RetryAsync(second, It.IsAny<DateTimeOffset>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Dispatch_BatchOutlastsTheLease_LeasesAreRenewedAndEveryItemDelivered()
    {
        // Arrange
        RoutingOptions.LeaseDuration = TimeSpan.FromMilliseconds(90);
        Engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await Task.Delay(100);
                return "WA" + Guid.NewGuid().ToString("N");
            });
        Outbox.Setup(o => o.RenewLeasesAsync(It.IsAny<IReadOnlyCollection<OutboxItem>>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyCollection<OutboxItem> held, TimeSpan _, CancellationToken _) => [.. held.Select(i => i.Id)]);
        var items = Enumerable.Range(1, 3).Select(i => Reply(i, attempts: 1)).ToList();

        // Act
        await Dispatcher().DispatchAsync(items, CancellationToken.None);

        // Assert
        Engine.Verify(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
        Outbox.Verify(o => o.RenewLeasesAsync(It.IsAny<IReadOnlyCollection<OutboxItem>>(), TimeSpan.FromMilliseconds(90), It.IsAny<CancellationToken>()), Times.AtLeastOnce);
        foreach (var item in items)
        {
            Outbox.Verify(o => o.CompleteAsync(item, It.IsAny<MessageLink>(), It.IsAny<NewOutboxItem>(), It.IsAny<CancellationToken>()), Times.Once);
        }
    }

    [Test]
    public async Task Dispatch_SentFromThePhoneWhileAReplyToTheChatIsInFlight_WaitsForTheReplysLink()
    {
        // Arrange: no link yet for M1, but a reply to the chat is being sent (M1 may be its echo)
        Routing.Setup(r => r.ReplyInFlightAsync(TestData.IntegrationId, "5511999999999", It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var item = FromPhone(1);

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert: retried later, nothing posted to Chatwoot yet; the link is looked at only once no reply is in flight
        Outbox.Verify(o => o.RetryAsync(item, It.IsAny<DateTimeOffset>(), It.Is<string>(e => e.Contains("may be its echo")), It.IsAny<CancellationToken>()), Times.Once);
        Routing.Verify(r => r.FindLinkAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Chatwoot.Verify(c => c.CreateMessageAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<ChatwootNewMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Dispatch_SentFromThePhoneWithNoReplyInFlight_IsPostedAsOutgoing()
    {
        // Arrange
        Routing.Setup(r => r.FindChatsAsync(TestData.IntegrationId, "5511999999999", It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new[] { new RoutedChat(TestData.IntegrationId, "5511999999999", 9, "src-9", 77, "open") });
        var item = FromPhone(1);

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert
        Chatwoot.Verify(c => c.CreateMessageAsync(TestData.Connection, 77, It.Is<ChatwootNewMessage>(m => m.MessageType == "outgoing"), It.IsAny<CancellationToken>()), Times.Once);
        Routing.Verify(r => r.ReplyInFlightAsync(TestData.IntegrationId, "5511999999999", It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}
