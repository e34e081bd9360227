using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/operations.md "Traces": with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the real process exports its spans
/// over OTLP, the delivery's among them, in the trace of the request that recorded it.</summary>
public sealed class TraceExportTests : ApiProcessTestBase
{
    [Test]
    public async Task OtlpEndpointSet_TheDeliverySpanIsExportedInTheRequestsTrace()
    {
        // Arrange
        using var collector = new OtlpCollector();
        var api = await StartApiAsync(FreeBaseUrl(), new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        await ActivateAsync(api);
        var trace = ActivityTraceId.CreateRandom();
        var message = EngineEvents.Text("5511999999999@s.whatsapp.net", "Olá", "João Silva");

        // Act
        using (var client = api.CreateClient())
        using (new Activity("engine posts an event").SetParentId(trace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start())
        {
            await PostEventAsync(client, message.ToJson());
        }

        await Chatwoot.WaitForMessagesAsync(1, m => m.SourceId == "WAID:" + message.Id, Eventually.Deadline);

        // Assert: OTLP's protobuf keeps names as UTF-8 and trace ids as their 16 bytes
        var traceBytes = Convert.FromHexString(trace.ToString());
        var name = Encoding.UTF8.GetBytes("deliver whatsapp_message");
        await Eventually.UntilAsync(
            () => collector.Traces.Any(body => Contains(body, name) && Contains(body, traceBytes)),
            "an exported batch with the delivery's span in the request's trace", Eventually.Deadline);
    }

    private static bool Contains(byte[] body, byte[] part) => body.AsSpan().IndexOf(part) >= 0;

    /// <summary>Takes OTLP/HTTP exports on a loopback port and keeps the bodies posted to <c>/v1/traces</c>.</summary>
    private sealed class OtlpCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<byte[]> _traces = new();

        public OtlpCollector()
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
            }

            _listener.Prefixes.Add(Url + "/");
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public IReadOnlyCollection<byte[]> Traces => _traces;

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                if (context.Request.Url?.AbsolutePath == "/v1/traces")
                {
                    _traces.Enqueue(body.ToArray());
                }

                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }
    }
}
