using RyzeApi.Application.Chatwoot.Commands.RetryDeliveries;
using RyzeApi.Application.Common;

namespace RyzeApi.Application.UnitTests.Chatwoot.Commands.RetryDeliveries;

[TestFixture]
public sealed class RetryDeliveriesCommandHandlerTests : StoredIntegrationFixture
{
    private readonly Mock<IDeliveryRepository> _deliveries = new();
    private readonly Mock<IOutboxSignal> _signal = new();

    [Test]
    public async Task Handle_IdsGiven_RequeuesThoseStillFailed_WakesTheWorkers_NamesTheOthers()
    {
        // Arrange
        _deliveries.Setup(d => d.RetryFailedAsync(TestData.IntegrationId, It.Is<IReadOnlyList<long>>(ids => ids.SequenceEqual(new long[] { 9, 4, 7 })),
                It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([9, 4]);

        // Act
        var result = await Handler().Handle(Command([9, 4, 7, 9]), CancellationToken.None);

        // Assert
        Assert.That(result.Requeued, Is.EqualTo(new long[] { 4, 9 }));
        Assert.That(result.Skipped, Is.EqualTo(new long[] { 7 }));
        _signal.Verify(s => s.Notify(), Times.Once);
    }

    [Test]
    public async Task Handle_NoIds_RetriesTheOldestFailedUpToTheBound()
    {
        // Arrange
        _deliveries.Setup(d => d.RetryFailedAsync(TestData.IntegrationId, null, RetryDeliveriesCommandHandler.MaxAll, It.IsAny<CancellationToken>()))
            .ReturnsAsync([3]);

        // Act
        var result = await Handler().Handle(Command(null), CancellationToken.None);

        // Assert
        Assert.That(result.Requeued, Is.EqualTo(new long[] { 3 }));
        Assert.That(result.Skipped, Is.Empty);
        _signal.Verify(s => s.Notify(), Times.Once);
    }

    [Test]
    public async Task Handle_NothingRequeued_DoesNotWakeTheWorkers()
    {
        // Arrange
        _deliveries.Setup(d => d.RetryFailedAsync(It.IsAny<string>(), It.IsAny<IReadOnlyList<long>?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([]);

        // Act
        var result = await Handler().Handle(Command([5]), CancellationToken.None);

        // Assert
        Assert.That(result.Skipped, Is.EqualTo(new long[] { 5 }));
        _signal.Verify(s => s.Notify(), Times.Never);
    }

    protected override string NoIntegrationMessage => "no chatwoot integration for this instance";

    protected override Task HandleForInstanceAsync(string instanceName) =>
        Handler().Handle(new RetryDeliveriesCommand(TestData.AccountCaller, instanceName, null), CancellationToken.None).AsTask();

    private static RetryDeliveriesCommand Command(IReadOnlyList<long>? ids) => new(TestData.AccountCaller, TestData.Instance.Name, ids);

    private RetryDeliveriesCommandHandler Handler() => new(
        new InstanceResolver(Instances.Object), Integrations.Object, _deliveries.Object, _signal.Object,
        NullLogger<RetryDeliveriesCommandHandler>.Instance);
}
