using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using RyzeApi.Application.Routing.Delivery;

namespace RyzeApi.Application.UnitTests.Outbox;

/// <summary>A kind of delivery is a record, a handler and a registration: the engine finds the handler by the row's
/// kind, with nothing of its own to change.</summary>
[TestFixture]
public sealed class DeliveryKindsTests
{
    private readonly Mock<IOutboxStore> _outbox = new();
    private readonly Mock<IRoutingIntegrations> _integrations = new();
    private readonly Mock<ITokenProtector> _protector = new();

    [SetUp]
    public void SetUp()
    {
        _integrations.Setup(i => i.FindDeliveryTargetAsync(TestData.IntegrationId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeliveryTarget(TestData.Integration(IntegrationStatus.Active, ""), "suporte", TestData.StoredToken, false));
        _protector.Setup(p => p.Unprotect(TestData.StoredToken, TestData.IntegrationId)).Returns(TestData.ApiToken);
    }

    [Test]
    public async Task Dispatch_KindRegisteredThroughDi_GoesToItsHandlerWithItsPayloadRead()
    {
        // Arrange
        var handler = new PingHandler();
        var provider = new Mock<IServiceProvider>();
        provider.Setup(p => p.GetService(typeof(IDeliveryHandler<Ping>))).Returns(handler);
        var registered = new ServiceCollection().AddDelivery<Ping, PingHandler>()
            .Where(d => d.ServiceType == typeof(DeliveryKind))
            .Select(d => (DeliveryKind)d.ImplementationFactory!(provider.Object));
        var kinds = new DeliveryKinds(registered);
        var item = Row(NewOutboxItem.For(TestData.IntegrationId, new Ping("chat-a", 7)));

        // Act
        await Dispatcher(kinds).DispatchAsync([item], CancellationToken.None);

        // Assert
        Assert.That(handler.Received, Is.EqualTo(new[] { new Ping("chat-a", 7) }));
        _outbox.Verify(o => o.CompleteAsync(item, null, null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_KindNoHandlerIsRegisteredFor_FailsTheRowNamingTheKind()
    {
        // Arrange
        var item = Row(NewOutboxItem.For(TestData.IntegrationId, new Ping("chat-a", 7)));

        // Act
        await Dispatcher(new DeliveryKinds([])).DispatchAsync([item], CancellationToken.None);

        // Assert
        _outbox.Verify(o => o.FailAsync(item, "unknown kind of work test_ping", null, It.IsAny<CancellationToken>()), Times.Once);
    }

    private static OutboxItem Row(NewOutboxItem item) => new(1, item.IntegrationId, item.Kind, item.Lane, item.Payload, 1);

    private OutboxDispatcher Dispatcher(DeliveryKinds kinds) =>
        Dispatchers.Create(_outbox.Object, _integrations.Object, _protector.Object, kinds, Options.Create(new RoutingOptions()));
}

public sealed record Ping(string Chat, int Number) : IDelivery<Ping>
{
    public static string KindName => "test_ping";

    public static JsonTypeInfo<Ping> JsonType => PingJson.Default.Ping;

    [JsonIgnore]
    public Lane Lane => new(LaneKind.WhatsAppChat, Chat);

    [JsonIgnore]
    public string? DedupeKey => "ping:" + Number;
}

public sealed class PingHandler : IDeliveryHandler<Ping>
{
    public List<Ping> Received { get; } = [];

    public Task<DeliveryOutcome> DeliverAsync(DeliveryContext context, Claimed<Ping> item, CancellationToken cancellationToken)
    {
        Received.Add(item.Delivery);
        return Task.FromResult<DeliveryOutcome>(new DeliveryOutcome.Delivered(null, null));
    }
}

[JsonSerializable(typeof(Ping))]
internal sealed partial class PingJson : JsonSerializerContext;
