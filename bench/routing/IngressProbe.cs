using System.Diagnostics;
using System.Globalization;
using System.Text;
using RyzeApi.Testing.Chatwoot;

namespace RyzeApi.Bench.Routing;

/// <summary>Diagnostic (BENCH_INGRESS_PROBE=1): single endpoints flat out, each run once to warm up (JIT) and once
/// measured, with the CPU each process spent per request. Not part of the report.</summary>
internal static class IngressProbe
{
    private const int Count = 3000;

    public static async Task RunAsync(ApiProcess api, HttpClient http, string webhookUrl, string webhookSecret)
    {
        using var probeClient = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 });
        await ProbeAsync(api, "health/live", async _ => { using var r = await probeClient.GetAsync(api.BaseUrl + "/health/live"); });
        await ProbeAsync(api, "instance/list", async _ => { using var r = await http.GetAsync("/api/instance/list"); });
        await ProbeAsync(api, "webhook (ignored)", async i =>
        {
            var body = $"{{\"event\":\"message_created\",\"id\":{i},\"message_type\":\"incoming\",\"content\":\"x\",\"conversation\":{{\"id\":1}}}}";
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Chatwoot-Timestamp", timestamp);
            request.Headers.Add("X-Chatwoot-Signature", "sha256=" + FakeChatwoot.ComputeWebhookSignature(webhookSecret, timestamp, body));
            using var response = await probeClient.SendAsync(request);
        });
    }

    private static async Task ProbeAsync(ApiProcess api, string name, Func<int, Task> work)
    {
        await Pacer.RunFlatOutAsync(Count, 32, work);
        var (apiCpu, selfCpu) = (Cpu.Seconds(api.Pid), Cpu.Seconds(Environment.ProcessId));
        var clock = Stopwatch.StartNew();
        await Pacer.RunFlatOutAsync(Count, 32, i => work(Count + i));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {Count / clock.Elapsed.TotalSeconds:0} req/s; cpu per request: api {(Cpu.Seconds(api.Pid) - apiCpu) * 1000 / Count:0.00} ms, bench {(Cpu.Seconds(Environment.ProcessId) - selfCpu) * 1000 / Count:0.00} ms"));
    }
}
