using System.Collections.Concurrent;
using System.Diagnostics;
using RyzeApi.Application.Common.Telemetry;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/operations.md "Traces": a delivery continues the trace of the request that recorded it. Its span is a
/// child of that request's span, and its calls to Chatwoot or the engine carry that trace onwards.</summary>
public sealed class DeliveryTraceTests : RoutingTestBase
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private ActivityListener _listener = null!;

    [SetUp]
    public void ListenToSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is DeliveryActivities.SourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [TearDown]
    public void StopListening() => _listener.Dispose();

    [Test]
    public async Task EngineEvent_WithinACallersTrace_ItsDeliveryIsAChildOfTheRequestAndChatwootGetsTheTrace()
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = EngineEvents.Text(ContactJid, "Olá", "João Silva");
        ActivityTraceId trace;

        // Act: the engine posts the event within a trace of its own (its traceparent header)
        using (var engine = new Activity("engine posts an event").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            trace = engine.TraceId;
            await PostEventExpectingAsync(message.ToJson());
        }

        await WaitForChatwootMessageAsync(message.Id);

        // Assert
        var delivery = await SpanAsync(s => s.Source.Name == DeliveryActivities.SourceName && s.TraceId == trace);
        var request = await SpanAsync(s => s.Source.Name == "Microsoft.AspNetCore" && s.SpanId == delivery.ParentSpanId);
        Assert.That(request.GetTagItem("http.route"), Is.EqualTo("api/chatwoot/events/{instance}"), "the delivery is a child of the request that recorded it");
        Assert.That(delivery.DisplayName, Is.EqualTo("deliver whatsapp_message"));
        Assert.That(delivery.Kind, Is.EqualTo(ActivityKind.Consumer));
        Assert.That(delivery.GetTagItem("ryzeapi.delivery.outcome"), Is.EqualTo("delivered"));
        var posted = Chatwoot.Requests.Single(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal));
        Assert.That(posted.Header("traceparent"), Does.StartWith($"00-{trace}-"), "Chatwoot's message create carries the trace");
    }

    [Test]
    public async Task AgentReply_TheEnginesSendCarriesTheWebhooksTrace()
    {
        // Arrange
        await ActivateRoutingAsync();
        var conversation = await ContactWritesAsync();
        ActivityTraceId trace;

        // Act: Chatwoot's webhook is sent within a trace of its own
        using (var chatwoot = new Activity("chatwoot posts a webhook").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            trace = chatwoot.TraceId;
            await AgentRepliesAsync(conversation.Id, "Posso ajudar?");
        }

        await Engine.WaitForSendsAsync(1, Eventually.Deadline);

        // Assert
        var delivery = await SpanAsync(s => s.Source.Name == DeliveryActivities.SourceName && s.TraceId == trace);
        Assert.That(delivery.DisplayName, Is.EqualTo("deliver agent_reply"));
        var webhook = await SpanAsync(s => s.Source.Name == "Microsoft.AspNetCore" && s.SpanId == delivery.ParentSpanId);
        Assert.That(webhook.GetTagItem("url.path")?.ToString(), Does.EndWith("/***"), "the webhook's secret is not in its span");
        var send = Engine.Requests.Single(r => r.Path == $"/api/message/text/{Instance}");
        Assert.That(send.Header("traceparent"), Does.StartWith($"00-{trace}-"), "the engine's send carries the trace");
    }

    [Test]
    public async Task ManyChatsAtOnce_EachDeliveryCarriesItsOwnRequestsTrace()
    {
        // Arrange: lanes delivered in parallel, each recorded by a request of its own trace
        await ActivateRoutingAsync();
        var sent = Enumerable.Range(0, 6)
            .Select(i => (Trace: ActivityTraceId.CreateRandom(), Message: EngineEvents.Text($"55119{i:00000000}@s.whatsapp.net", $"mensagem {i}", $"Cliente {i}")))
            .ToList();

        // Act
        await Task.WhenAll(sent.Select(async s =>
        {
            using var engine = new Activity("engine posts an event").SetParentId(s.Trace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start();
            await PostEventExpectingAsync(s.Message.ToJson());
        }));
        var landed = await Chatwoot.WaitForMessagesAsync(sent.Count, m => m.SourceId?.StartsWith("WAID:", StringComparison.Ordinal) == true, Eventually.Deadline);

        // Assert: every Chatwoot call made for a chat (contact, conversation, message) carries that chat's trace
        foreach (var (trace, message) in sent)
        {
            var posted = Chatwoot.Requests.Where(r => r.Method == "POST" && (r.Body.Contains(message.ChatJid.Split('@')[0], StringComparison.Ordinal)
                || r.Body.Contains(message.Text!, StringComparison.Ordinal))).ToList();
            Assert.That(posted, Is.Not.Empty, message.ChatJid);
            Assert.That(posted.Select(r => r.Header("traceparent")?[3..35]), Is.All.EqualTo(trace.ToString()), message.ChatJid);
        }

        Assert.That(landed, Has.Count.EqualTo(sent.Count));
    }

    private async Task<Activity> SpanAsync(Func<Activity, bool> match)
    {
        Activity? found = null;
        await Eventually.UntilAsync(() => (found = _spans.FirstOrDefault(match)) is not null, "the span", Eventually.Deadline);
        return found!;
    }
}
