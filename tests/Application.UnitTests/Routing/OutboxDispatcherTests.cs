using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using NUnit.Framework;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Exceptions;
using RyzeApi.Application.Common.Options;
using RyzeApi.Application.Outbox;
using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Handlers;
using RyzeApi.Application.Routing.Model;
using RyzeApi.Application.UnitTests.Support;
using RyzeApi.Domain.Chatwoot;

namespace RyzeApi.Application.UnitTests.Routing;

[TestFixture]
public sealed class OutboxDispatcherTests
{
    private readonly Mock<IOutboxStore> _outbox = new();
    private readonly Mock<IRoutingIntegrations> _integrations = new();
    private readonly Mock<ITokenProtector> _protector = new();
    private readonly Mock<IEngineClient> _engine = new();
    private readonly Mock<IChatwootMessaging> _chatwoot = new();
    private readonly Mock<IRoutingRepository> _routing = new();
    private readonly RoutingOptions _options = new() { MaxAttempts = 3, RetryBaseDelay = TimeSpan.FromSeconds(1) };

    [SetUp]
    public void SetUp()
    {
        Target(IntegrationStatus.Active);
        _protector.Setup(p => p.Unprotect(TestData.StoredToken, TestData.IntegrationId)).Returns(TestData.ApiToken);
    }

    [Test]
    public async Task Dispatch_EngineAccepts_MarksSentAndCompletesWithTheLink()
    {
        // Arrange
        _engine.Setup(e => e.SendTextAsync("suporte", "5511999999999", It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync("WA1");
        var item = Reply(1, attempts: 1);

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert
        _outbox.Verify(o => o.CompleteAsync(
            item,
            new MessageLink(TestData.IntegrationId, "WA1", 501, 77, MessageLink.ToWhatsApp),
            null,
            It.IsAny<CancellationToken>()), Times.Once);
        _chatwoot.Verify(c => c.UpdateMessageStatusAsync(TestData.Connection, 77, 501, "sent", null, It.IsAny<CancellationToken>()), Times.Once);
        _integrations.Verify(i => i.SetHealthAsync(It.IsAny<string>(), It.IsAny<IntegrationStatus>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Dispatch_SignMessages_PrefixesTheAgentNameInBold()
    {
        // Arrange
        string? sent = null;
        _engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
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
        _engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineUnavailableException("the engine is unreachable"));
        var first = Reply(1, attempts: 1);
        var second = Reply(2, attempts: 1);

        // Act
        await Dispatcher().DispatchAsync([first, second], CancellationToken.None);

        // Assert: the chat waits behind its first item, untouched.
        _outbox.Verify(o => o.RetryAsync(first, It.IsAny<DateTimeOffset>(), "the engine is unreachable", It.IsAny<CancellationToken>()), Times.Once);
        _outbox.Verify(o => o.ReleaseAsync(second, It.IsAny<CancellationToken>()), Times.Once);
        _engine.Verify(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        _integrations.Verify(i => i.SetHealthAsync(TestData.IntegrationId, IntegrationStatus.Paused, It.Is<string>(s => s.Contains("the engine is unreachable")), false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_LastAttemptFails_MarksFailedInTheOutboxAndChatwootAndTheIntegrationInError()
    {
        // Arrange
        _engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineUnavailableException("the engine is unreachable"));
        var item = Reply(1, attempts: 3);

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert
        _outbox.Verify(o => o.FailAsync(
            item, "delivery given up after 3 attempts: the engine is unreachable",
            It.Is<NewOutboxItem>(f => f.Lane == new Lane(LaneKind.MessageStatus, "cw501") && f.DedupeKey == "st:cw501:failed"
                && JsonSerializer.Deserialize<MessageStatusChange>(f.Payload, (JsonSerializerOptions?)null)!.Equals(
                    new MessageStatusChange(string.Empty, "failed", "RyzeAPI gave up sending this message to WhatsApp after 3 attempts", 501, 77))),
            It.IsAny<CancellationToken>()), Times.Once);
        _integrations.Verify(i => i.SetHealthAsync(TestData.IntegrationId, IntegrationStatus.Error, "delivery given up after 3 attempts: the engine is unreachable", false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_EngineRefuses_FailsTheItemAndMarksTheChatwootMessageFailed()
    {
        // Arrange
        _engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EngineRejectedException("Instance is not connected to WhatsApp", 400));
        var item = Reply(1, attempts: 1);

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert
        _outbox.Verify(o => o.FailAsync(
            item, "the engine refused the message: Instance is not connected to WhatsApp", null, It.IsAny<CancellationToken>()), Times.Once);
        _chatwoot.Verify(c => c.UpdateMessageStatusAsync(
            TestData.Connection, 77, 501, "failed", "Instance is not connected to WhatsApp", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_ChatwootRejectsTheToken_HaltsDeliveriesAndReleasesTheWork()
    {
        // Arrange
        _routing.Setup(r => r.FindChatAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RoutedChat(TestData.IntegrationId, "5511999999999", 1, "src", 77, "open"));
        _chatwoot.Setup(c => c.CreateMessageAsync(It.IsAny<ChatwootConnection>(), 77, It.IsAny<ChatwootNewMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UpstreamRejectedException(UpstreamFailureKind.CredentialsRejected, "Chatwoot rejected the API token", 401));
        var item = Inbound(1, attempts: 1);

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert
        _outbox.Verify(o => o.ReleaseAsync(item, It.IsAny<CancellationToken>()), Times.Once);
        _integrations.Verify(i => i.SetHealthAsync(TestData.IntegrationId, IntegrationStatus.Error, "Chatwoot rejected the API token", true, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_DeliveredWhilePaused_BringsTheIntegrationBackToActive()
    {
        // Arrange
        Target(IntegrationStatus.Paused, "Chatwoot is unreachable");
        _engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync("WA1");

        // Act
        await Dispatcher().DispatchAsync([Reply(1, attempts: 2)], CancellationToken.None);

        // Assert
        _integrations.Verify(i => i.SetHealthAsync(TestData.IntegrationId, IntegrationStatus.Active, string.Empty, false, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_RetriedInboundMessage_ChecksWhetherItLandedBeforePostingAgain()
    {
        // Arrange
        _routing.Setup(r => r.FindChatAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RoutedChat(TestData.IntegrationId, "5511999999999", 1, "src", 77, "open"));
        _chatwoot.Setup(c => c.FindMessageBySourceIdAsync(It.IsAny<ChatwootConnection>(), 77, "WAID:M1", It.IsAny<CancellationToken>())).ReturnsAsync(900);
        var item = Inbound(1, attempts: 2);

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert
        _chatwoot.Verify(c => c.CreateMessageAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<ChatwootNewMessage>(), It.IsAny<CancellationToken>()), Times.Never);
        _outbox.Verify(o => o.CompleteAsync(item, new MessageLink(TestData.IntegrationId, "M1", 900, 77, MessageLink.ToChatwoot), null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_ChatReadWithTheClaim_IsUsedForTheLanesFirstItemAndReadAgainForTheNext()
    {
        // Arrange: the claim brought the chat; the database knows it too (as the first item left it)
        var known = new RoutedChat(TestData.IntegrationId, "5511999999999", 1, "src", 77, "open");
        _routing.Setup(r => r.FindChatAsync(TestData.IntegrationId, "5511999999999", It.IsAny<CancellationToken>())).ReturnsAsync(known);
        _chatwoot.Setup(c => c.CreateMessageAsync(It.IsAny<ChatwootConnection>(), 77, It.IsAny<ChatwootNewMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(900L);
        var first = Inbound(1, attempts: 1) with { Chat = known };
        var second = Inbound(2, attempts: 1) with { Chat = known };

        // Act
        await Dispatcher().DispatchAsync([first, second], CancellationToken.None);

        // Assert: one read, for the second item, whose chat the first could have changed
        _routing.Verify(r => r.FindChatAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        _chatwoot.Verify(c => c.CreateMessageAsync(It.IsAny<ChatwootConnection>(), 77, It.IsAny<ChatwootNewMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Test]
    public async Task Dispatch_ChatReadWithTheClaimLongAgo_IsReadAgain()
    {
        // Arrange: the lane's turn comes after the claimed chat is no longer fresh (an agent may have resolved it)
        var claimed = new RoutedChat(TestData.IntegrationId, "5511999999999", 1, "src", 77, "open");
        _routing.Setup(r => r.FindChatAsync(TestData.IntegrationId, "5511999999999", It.IsAny<CancellationToken>()))
            .ReturnsAsync(claimed with { ConversationId = 78 });
        _chatwoot.Setup(c => c.CreateMessageAsync(It.IsAny<ChatwootConnection>(), 78, It.IsAny<ChatwootNewMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(900L);

        // Act
        await Dispatcher(new SlowClock()).DispatchAsync([Inbound(1, attempts: 1) with { Chat = claimed }], CancellationToken.None);

        // Assert: the chat as it is now decides the conversation
        _chatwoot.Verify(c => c.CreateMessageAsync(It.IsAny<ChatwootConnection>(), 78, It.IsAny<ChatwootNewMessage>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_LeaseLostWhileDelivering_LeavesTheRestOfTheChatUntouched()
    {
        // Arrange: a lease of 90 ms renewed every 30 ms, a send of 300 ms, and a database that says the leases are gone.
        _options.LeaseDuration = TimeSpan.FromMilliseconds(90);
        _engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await Task.Delay(300);
                return "WA1";
            });
        _outbox.Setup(o => o.RenewLeasesAsync(It.IsAny<IReadOnlyCollection<OutboxItem>>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Array.Empty<long>());
        var first = Reply(1, attempts: 1);
        var second = Reply(2, attempts: 1);

        // Act
        await Dispatcher().DispatchAsync([first, second], CancellationToken.None);

        // Assert: the attempt made is recorded; the next one belongs to whoever re-claimed it.
        _engine.Verify(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        _outbox.Verify(o => o.CompleteAsync(first, It.IsAny<MessageLink>(), It.IsAny<NewOutboxItem>(), It.IsAny<CancellationToken>()), Times.Once);
        _outbox.Verify(o => o.CompleteAsync(second, It.IsAny<MessageLink?>(), It.IsAny<NewOutboxItem?>(), It.IsAny<CancellationToken>()), Times.Never);
        _outbox.Verify(o => o.ReleaseAsync(second, It.IsAny<CancellationToken>()), Times.Never);
        _outbox.Verify(o => o.RetryAsync(second, It.IsAny<DateTimeOffset>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Dispatch_BatchOutlastsTheLease_LeasesAreRenewedAndEveryItemDelivered()
    {
        // Arrange
        _options.LeaseDuration = TimeSpan.FromMilliseconds(90);
        _engine.Setup(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(async () =>
            {
                await Task.Delay(100);
                return "WA" + Guid.NewGuid().ToString("N");
            });
        _outbox.Setup(o => o.RenewLeasesAsync(It.IsAny<IReadOnlyCollection<OutboxItem>>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyCollection<OutboxItem> held, TimeSpan _, CancellationToken _) => [.. held.Select(i => i.Id)]);
        var items = Enumerable.Range(1, 3).Select(i => Reply(i, attempts: 1)).ToList();

        // Act
        await Dispatcher().DispatchAsync(items, CancellationToken.None);

        // Assert
        _engine.Verify(e => e.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
        _outbox.Verify(o => o.RenewLeasesAsync(It.IsAny<IReadOnlyCollection<OutboxItem>>(), TimeSpan.FromMilliseconds(90), It.IsAny<CancellationToken>()), Times.AtLeastOnce);
        foreach (var item in items)
        {
            _outbox.Verify(o => o.CompleteAsync(item, It.IsAny<MessageLink>(), It.IsAny<NewOutboxItem>(), It.IsAny<CancellationToken>()), Times.Once);
        }
    }

    [Test]
    public async Task Dispatch_SentFromThePhoneWhileAReplyToTheChatIsInFlight_WaitsForTheReplysLink()
    {
        // Arrange: no link yet for M1, but a reply to the chat is being sent (M1 may be its echo)
        _routing.Setup(r => r.ReplyInFlightAsync(TestData.IntegrationId, "5511999999999", It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var item = FromPhone(1);

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert: retried later, nothing posted to Chatwoot yet; the link is looked at only once no reply is in flight
        _outbox.Verify(o => o.RetryAsync(item, It.IsAny<DateTimeOffset>(), It.Is<string>(e => e.Contains("may be its echo")), It.IsAny<CancellationToken>()), Times.Once);
        _routing.Verify(r => r.FindLinkAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _chatwoot.Verify(c => c.CreateMessageAsync(It.IsAny<ChatwootConnection>(), It.IsAny<long>(), It.IsAny<ChatwootNewMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Dispatch_SentFromThePhoneWithNoReplyInFlight_IsPostedAsOutgoing()
    {
        // Arrange
        _routing.Setup(r => r.FindChatAsync(TestData.IntegrationId, "5511999999999", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RoutedChat(TestData.IntegrationId, "5511999999999", 9, "src-9", 77, "open"));
        var item = FromPhone(1);

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert
        _chatwoot.Verify(c => c.CreateMessageAsync(TestData.Connection, 77, It.Is<ChatwootNewMessage>(m => m.MessageType == "outgoing"), It.IsAny<CancellationToken>()), Times.Once);
        _routing.Verify(r => r.ReplyInFlightAsync(TestData.IntegrationId, "5511999999999", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_UnreadableReplyGivenUp_IsMarkedFailedWithoutATick()
    {
        // Arrange: a payload that cannot be read fails every attempt; this is the last one
        var item = Reply(1, attempts: 3) with { Payload = "{\"ChatwootMessageId\": " };

        // Act
        await Dispatcher().DispatchAsync([item], CancellationToken.None);

        // Assert: the row is failed all the same (before, reading it again for the tick threw and left it leased)
        _outbox.Verify(o => o.FailAsync(item, It.Is<string>(e => e.StartsWith("delivery given up after 3 attempts")), null, It.IsAny<CancellationToken>()), Times.Once);
    }

    private static OutboxItem FromPhone(long id) => new(
        id, TestData.IntegrationId, WhatsAppMessage.KindName, new Lane(LaneKind.WhatsAppChat, "5511999999999"),
        JsonSerializer.Serialize(new WhatsAppMessage($"M{id}", "5511999999999", "João", false, null, null, true, WhatsAppMessage.KindText, "Até já", null, null)),
        1);

    private void Target(IntegrationStatus status, string lastError = "") =>
        _integrations.Setup(i => i.FindDeliveryTargetAsync(TestData.IntegrationId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeliveryTarget(TestData.Integration(status, lastError), "suporte", TestData.StoredToken, false));

    private static OutboxItem Reply(long id, int attempts) => new(
        id, TestData.IntegrationId, AgentReply.KindName, new Lane(LaneKind.AgentReplies, "5511999999999"),
        JsonSerializer.Serialize(new AgentReply(500 + id, 77, "5511999999999", "Posso ajudar?", "Ana", [])), attempts);

    private static OutboxItem Inbound(long id, int attempts) => new(
        id, TestData.IntegrationId, WhatsAppMessage.KindName, new Lane(LaneKind.WhatsAppChat, "5511999999999"),
        JsonSerializer.Serialize(new WhatsAppMessage($"M{id}", "5511999999999", "João", false, "5511999999999", "João", false, WhatsAppMessage.KindText, "Olá", null, null)),
        attempts);

    private OutboxDispatcher Dispatcher(TimeProvider? time = null)
    {
        var options = Options.Create(_options);
        var clock = time ?? TimeProvider.System;
        var kinds = new DeliveryKinds(
        [
            new DeliveryKind<WhatsAppMessage>(new WhatsAppToChatwoot(_chatwoot.Object, _routing.Object, new MessageMedia(_outbox.Object, Mock.Of<IMediaFetcher>()))),
            new DeliveryKind<AgentReply>(new AgentReplyToWhatsApp(_engine.Object, _chatwoot.Object, options, NullLogger<AgentReplyToWhatsApp>.Instance)),
            new DeliveryKind<MessageStatusChange>(new StatusToChatwoot(_chatwoot.Object, _routing.Object)),
        ]);
        return new OutboxDispatcher(
            _outbox.Object,
            new IntegrationBatches(_integrations.Object, _protector.Object, NullLogger<IntegrationBatches>.Instance),
            kinds,
            new OutcomeRecorder(_outbox.Object, new RetrySchedule(options), clock, NullLogger<OutcomeRecorder>.Instance),
            options, clock, NullLogger<OutboxDispatcher>.Instance);
    }

    /// <summary>A clock whose every reading is two seconds after the one before.</summary>
    private sealed class SlowClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += 2 * TimeSpan.TicksPerSecond;
    }
}
