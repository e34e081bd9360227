using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using RyzeApi.Application.Common.Telemetry;

namespace RyzeApi.Application.UnitTests.Telemetry;

/// <summary>Each outcome the recorder writes is counted once, by kind and outcome (or retry reason), and only once its
/// write succeeded; a release is not an outcome.</summary>
public sealed class OutcomeMetricsTests
{
    private const string Kind = "whatsapp_message";
    private static readonly OutboxItem s_item = new(7, "integration-1", Kind, new Lane(LaneKind.WhatsAppChat, "5511@s.whatsapp.net"), "{}", 1);

    private readonly Mock<IOutboxStore> _outbox = new();
    private TestMeterFactory _meters = null!;
    private OutcomeRecorder _recorder = null!;
    private MetricCollector<long> _deliveries = null!;
    private MetricCollector<long> _retries = null!;

    [SetUp]
    public void SetUp()
    {
        _meters = new TestMeterFactory();
        _deliveries = new MetricCollector<long>(_meters, RyzeApiMetrics.MeterName, "ryzeapi.deliveries");
        _retries = new MetricCollector<long>(_meters, RyzeApiMetrics.MeterName, "ryzeapi.delivery.retries");
        _recorder = new OutcomeRecorder(
            _outbox.Object, new RetrySchedule(Options.Create(new RoutingOptions())), TimeProvider.System,
            new RyzeApiMetrics(_meters), NullLogger<OutcomeRecorder>.Instance);
    }

    [TearDown]
    public void TearDown()
    {
        _deliveries.Dispose();
        _retries.Dispose();
        _meters.Dispose();
    }

    [TestCase("delivered", DeliveryOutcomes.Delivered)]
    [TestCase("skipped", DeliveryOutcomes.Skipped)]
    [TestCase("permanent", DeliveryOutcomes.Failed)]
    [TestCase("given up", DeliveryOutcomes.GivenUp)]
    public async Task AnEndIsCountedOnceByKindAndOutcome(string what, string expected)
    {
        // Arrange
        var (outcome, givenUp) = what switch
        {
            "delivered" => ((DeliveryOutcome)new DeliveryOutcome.Delivered(null, null), (string?)null),
            "skipped" => (new DeliveryOutcome.Skipped("echo"), null),
            "permanent" => (new DeliveryOutcome.Permanent("Chatwoot answered 422", null), null),
            _ => (new DeliveryOutcome.Transient("Chatwoot answered 502"), "gave up after 10 attempts"),
        };

        // Act
        await _recorder.RecordAsync(s_item, outcome, givenUp, null);

        // Assert
        var measured = _deliveries.GetMeasurementSnapshot();
        Assert.That(measured, Has.Count.EqualTo(1));
        Assert.That(measured[0].Value, Is.EqualTo(1));
        Assert.That(measured[0].Tags["kind"], Is.EqualTo(Kind));
        Assert.That(measured[0].Tags["outcome"], Is.EqualTo(expected));
        Assert.That(_retries.GetMeasurementSnapshot(), Is.Empty);
    }

    [TestCase("transient", RetryReasons.Transient)]
    [TestCase("wait", RetryReasons.Wait)]
    [TestCase("session", RetryReasons.Session)]
    public async Task ARetryIsCountedByKindAndReason_NotAsAnEnd(string what, string expected)
    {
        // Arrange
        DeliveryOutcome outcome = what switch
        {
            "transient" => new DeliveryOutcome.Transient("Chatwoot answered 502"),
            "wait" => new DeliveryOutcome.Wait("the reply's link is not there yet"),
            _ => new DeliveryOutcome.Wait("Instance is not connected to WhatsApp", ForSession: true),
        };

        // Act
        await _recorder.RecordAsync(s_item, outcome, null, null);

        // Assert
        var measured = _retries.GetMeasurementSnapshot();
        Assert.That(measured, Has.Count.EqualTo(1));
        Assert.That(measured[0].Tags["kind"], Is.EqualTo(Kind));
        Assert.That(measured[0].Tags["reason"], Is.EqualTo(expected));
        Assert.That(_deliveries.GetMeasurementSnapshot(), Is.Empty);
    }

    [Test]
    public async Task AReleaseIsNotCounted()
    {
        // Act
        await _recorder.RecordAsync(s_item, new DeliveryOutcome.Halt("Chatwoot answered 401"), null, null);
        await _recorder.RecordAsync(s_item, new DeliveryOutcome.Interrupted(), null, null);

        // Assert
        Assert.That(_deliveries.GetMeasurementSnapshot(), Is.Empty);
        Assert.That(_retries.GetMeasurementSnapshot(), Is.Empty);
    }

    [Test]
    public void AnOutcomeWhoseWriteFailedIsNotCounted()
    {
        // Arrange
        _outbox.Setup(o => o.CompleteAsync(s_item, null, null, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DatabaseUnavailableException("connection refused", new InvalidOperationException()));

        // Act
        Assert.ThrowsAsync<DatabaseUnavailableException>(() => _recorder.RecordAsync(s_item, new DeliveryOutcome.Delivered(null, null), null, null));

        // Assert
        Assert.That(_deliveries.GetMeasurementSnapshot(), Is.Empty);
    }
}
