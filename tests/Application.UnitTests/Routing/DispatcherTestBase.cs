using System.Text.Json;
using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Handlers;

namespace RyzeApi.Application.UnitTests.Routing;

/// <summary>The outbox engine with routing's three kinds over mocked ports, and rows to hand it.</summary>
public abstract class DispatcherTestBase
{
    protected Mock<IOutboxStore> Outbox { get; } = new();

    protected Mock<IRoutingIntegrations> Integrations { get; } = new();

    protected Mock<ITokenProtector> Protector { get; } = new();

    protected Mock<IEngineClient> Engine { get; } = new();

    protected Mock<IChatwootMessaging> Chatwoot { get; } = new();

    protected Mock<IRoutingRepository> Routing { get; } = new();

    protected Mock<IInstanceSessions> Sessions { get; } = new();

    protected RoutingOptions RoutingOptions { get; } = new() { MaxAttempts = 3, RetryBaseDelay = TimeSpan.FromSeconds(1) };

    [SetUp]
    public void SetUpIntegration()
    {
        Target(IntegrationStatus.Active);
        Protector.Setup(p => p.Unprotect(TestData.StoredToken, TestData.IntegrationId)).Returns(TestData.ApiToken);
    }

    protected static OutboxItem FromPhone(long id) => new(
        id, TestData.IntegrationId, WhatsAppMessage.KindName, new Lane(LaneKind.WhatsAppChat, "5511999999999"),
        JsonSerializer.Serialize(new WhatsAppMessage($"M{id}", "5511999999999", "João", false, null, null, true, WhatsAppMessageKind.Text, "Até já", null, null)),
        1);

    protected void Target(IntegrationStatus status, string lastError = "") =>
        Integrations.Setup(i => i.FindDeliveryTargetAsync(TestData.IntegrationId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeliveryTarget(TestData.Integration(status, lastError), "suporte", TestData.StoredToken, false));

    protected static OutboxItem Reply(long id, int attempts) => new(
        id, TestData.IntegrationId, AgentReply.KindName, new Lane(LaneKind.AgentReplies, "5511999999999"),
        JsonSerializer.Serialize(new AgentReply(500 + id, 77, "5511999999999", "Posso ajudar?", "Ana", [])), attempts);

    protected static OutboxItem Inbound(long id, int attempts) => new(
        id, TestData.IntegrationId, WhatsAppMessage.KindName, new Lane(LaneKind.WhatsAppChat, "5511999999999"),
        JsonSerializer.Serialize(new WhatsAppMessage($"M{id}", "5511999999999", "João", false, "5511999999999", "João", false, WhatsAppMessageKind.Text, "Olá", null, null)),
        attempts);

    protected OutboxDispatcher Dispatcher(TimeProvider? time = null)
    {
        var options = Options.Create(RoutingOptions);
        var kinds = new DeliveryKinds(
        [
            new DeliveryKind<WhatsAppMessage>(new WhatsAppToChatwoot(Chatwoot.Object, Routing.Object, new ChatResolver(Chatwoot.Object, Routing.Object, new PersonLinks(Chatwoot.Object, Routing.Object)), new MessageMedia(Outbox.Object, Mock.Of<IMediaFetcher>()))),
            new DeliveryKind<AgentReply>(new AgentReplyToWhatsApp(Engine.Object, Chatwoot.Object, Mock.Of<IMessageLinks>(), Mock.Of<IOutbox>(), options, NullLogger<AgentReplyToWhatsApp>.Instance)),
            new DeliveryKind<MessageStatusChange>(new StatusToChatwoot(Chatwoot.Object, Routing.Object, options)),
        ]);
        return Dispatchers.Create(Outbox.Object, Integrations.Object, Protector.Object, kinds, options, time, Sessions.Object);
    }

    /// <summary>A clock whose every reading is two seconds after the one before.</summary>
    protected sealed class SlowClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += 2 * TimeSpan.TicksPerSecond;
    }
}
