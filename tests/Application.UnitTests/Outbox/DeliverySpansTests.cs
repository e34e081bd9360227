using System.Collections.Concurrent;
using System.Diagnostics;
using RyzeApi.Application.Common.Telemetry;
using RyzeApi.Application.Routing.Delivery;

namespace RyzeApi.Application.UnitTests.Outbox;

/// <summary>Each delivery runs under its own span, a child of the trace context stored with its row: current while its
/// handler runs and while its outcome is recorded, even with lanes delivered in parallel; a row without a context
/// starts a trace of its own.</summary>
[TestFixture]
public sealed class DeliverySpansTests
{
    private readonly Mock<IOutboxStore> _outbox = new();
    private readonly Mock<IRoutingIntegrations> _integrations = new();
    private readonly Mock<ITokenProtector> _protector = new();
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private ActivityListener _listener = null!;

    [SetUp]
    public void SetUp()
    {
        _integrations.Setup(i => i.FindDeliveryTargetAsync(TestData.IntegrationId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DeliveryTarget(TestData.Integration(IntegrationStatus.Active, ""), "suporte", TestData.StoredToken, false));
        _protector.Setup(p => p.Unprotect(TestData.StoredToken, TestData.IntegrationId)).Returns(TestData.ApiToken);
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DeliveryActivities.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [TearDown]
    public void TearDown() => _listener.Dispose();

    [Test]
    public async Task Dispatch_LanesInParallel_EachHandlerAndRecordingRunUnderItsOwnItemsSpan()
    {
        // Arrange: four lanes, each item recorded in a trace of its own; the handlers wait for each other, so all four run at once
        var stored = Enumerable.Range(1, 4).Select(_ => new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded)).ToList();
        var items = stored.Select((context, i) => Row(i + 1, $"chat-{i}", $"00-{context.TraceId}-{context.SpanId}-01")).ToList();
        var kind = new RecordingKind(together: items.Count);
        var recordedUnder = new ConcurrentDictionary<long, Activity?>();
        _outbox.Setup(o => o.CompleteAsync(It.IsAny<OutboxItem>(), null, null, It.IsAny<CancellationToken>()))
            .Callback((OutboxItem item, MessageLink? _, NewOutboxItem? _, CancellationToken _) => recordedUnder[item.Id] = Activity.Current)
            .Returns(Task.CompletedTask);

        // Act
        await Dispatcher(kind, parallelism: 4).DispatchAsync(items, CancellationToken.None);

        // Assert
        for (var i = 0; i < items.Count; i++)
        {
            var span = kind.SeenBy[items[i].Id];
            Assert.That(span, Is.Not.Null, $"item {items[i].Id} ran without a span");
            Assert.That(span!.TraceId, Is.EqualTo(stored[i].TraceId), $"item {items[i].Id} continues its own trace");
            Assert.That(span.ParentSpanId, Is.EqualTo(stored[i].SpanId), "a child of the span that recorded it");
            Assert.That(span.Kind, Is.EqualTo(ActivityKind.Consumer));
            Assert.That(recordedUnder[items[i].Id], Is.SameAs(span), "its outcome is recorded under its span");
            Assert.That(_stopped, Does.Contain(span), "ended once recorded");
            Assert.That(span.GetTagItem("ryzeapi.delivery.outcome"), Is.EqualTo("delivered"));
            Assert.That(span.GetTagItem("ryzeapi.outbox.id"), Is.EqualTo(items[i].Id));
        }
    }

    [TestCase(null)]
    [TestCase("not a traceparent")]
    public async Task Dispatch_RowWithoutAUsableContext_StartsATraceOfItsOwn(string? traceParent)
    {
        // Arrange
        var kind = new RecordingKind(together: 1);
        var item = Row(1, "chat-a", traceParent);

        // Act
        await Dispatcher(kind, parallelism: 1).DispatchAsync([item], CancellationToken.None);

        // Assert
        var span = kind.SeenBy[item.Id];
        Assert.That(span, Is.Not.Null);
        Assert.That(span!.ParentSpanId, Is.EqualTo(default(ActivitySpanId)), "a root span");
        Assert.That(span.TraceId, Is.Not.EqualTo(default(ActivityTraceId)));
        _outbox.Verify(o => o.CompleteAsync(item, null, null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Dispatch_PermanentFailure_EndsTheSpanAsAnErrorWithTheReason()
    {
        // Arrange
        var kind = new RecordingKind(together: 1, outcome: new DeliveryOutcome.Permanent("Chatwoot answered 422", null));
        var item = Row(1, "chat-a", null);

        // Act
        await Dispatcher(kind, parallelism: 1).DispatchAsync([item], CancellationToken.None);

        // Assert
        var span = kind.SeenBy[item.Id]!;
        Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(span.StatusDescription, Is.EqualTo("Chatwoot answered 422"));
        Assert.That(span.GetTagItem("ryzeapi.delivery.outcome"), Is.EqualTo("failed"));
    }

    private static OutboxItem Row(long id, string chat, string? traceParent) =>
        new(id, TestData.IntegrationId, RecordingKind.KindName, new Lane(LaneKind.WhatsAppChat, chat), "{}", 1) { TraceParent = traceParent };

    private OutboxDispatcher Dispatcher(RecordingKind kind, int parallelism) =>
        Dispatchers.Create(_outbox.Object, _integrations.Object, _protector.Object, new DeliveryKinds([kind]),
            Options.Create(new RoutingOptions { Parallelism = parallelism }));

    /// <summary>Notes the span current while it delivers; waits until <c>together</c> items are delivering at once.</summary>
    private sealed class RecordingKind(int together, DeliveryOutcome? outcome = null) : DeliveryKind
    {
        public const string KindName = "test_trace";
        private readonly TaskCompletionSource _allStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _started;

        public ConcurrentDictionary<long, Activity?> SeenBy { get; } = new();

        public override string Name => KindName;

        public override async Task<DeliveryOutcome> AttemptAsync(DeliveryContext context, OutboxItem item, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _started) == together)
            {
                _allStarted.SetResult();
            }

            await _allStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            await Task.Yield();
            SeenBy[item.Id] = Activity.Current;
            return outcome ?? new DeliveryOutcome.Delivered(null, null);
        }

        public override int MaxAttempts(int configured) => configured;

        public override NewOutboxItem? WhenGivenUp(OutboxItem item, string lastError) => null;
    }
}
