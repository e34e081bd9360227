using RyzeApi.Application.Common.Telemetry;
using RyzeApi.Application.Routing.Delivery;

namespace RyzeApi.Application.UnitTests.Support;

/// <summary>The outbox engine as the host wires it, over the given ports and kinds.</summary>
internal static class Dispatchers
{
    public static OutboxDispatcher Create(
        IOutboxStore outbox, IRoutingIntegrations integrations, ITokenProtector protector, DeliveryKinds kinds,
        IOptions<RoutingOptions> options, TimeProvider? time = null, IInstanceSessions? sessions = null, RyzeApiMetrics? metrics = null)
    {
        var clock = time ?? TimeProvider.System;
        return new OutboxDispatcher(
            outbox,
            new IntegrationBatches(integrations, protector, NullLogger<IntegrationBatches>.Instance),
            kinds,
            new OutcomeRecorder(outbox, new RetrySchedule(options), clock, metrics ?? new RyzeApiMetrics(new TestMeterFactory()), NullLogger<OutcomeRecorder>.Instance),
            sessions ?? Mock.Of<IInstanceSessions>(), options, clock, NullLogger<OutboxDispatcher>.Instance);
    }
}
