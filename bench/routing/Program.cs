using Npgsql;
using RyzeApi.Bench.Routing;

// bench/routing/run builds this and passes: <WebApi dll> <durable connection string> <fast connection string> <output markdown>.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: RyzeApi.Bench.Routing <RyzeApi.WebApi.dll> <durable postgres connection string> <fast postgres connection string> <output.md>");
    return 2;
}

var (dll, durableDb, fastDb, output) = (args[0], args[1], args[2], args[3]);
var counts = Counts.FromEnvironment();

if (Environment.GetEnvironmentVariable("BENCH_INGRESS_PROBE") == "1")
{
    await using var probed = await BenchHost.StartAsync(dll, durableDb);
    await IngressProbe.RunAsync(probed.Api, probed.Http, probed.Inbox.WebhookUrl!, probed.Inbox.Secret);
    return 0;
}

// The durable database first, then the scale phase and the activation on it (they need its routed chats); then the
// fast one, each with its own API process and fakes.
RoutingFigures durable;
IReadOnlyList<ScaleStep> scale;
(CallTimes Activate, CallTimes Info) activation;
string version;
await using (var host = await BenchHost.StartAsync(dll, durableDb))
{
    durable = await RoutingRun.RunAsync(host, counts, "durable");
    scale = await ScalePhase.RunAsync(host, counts);
    activation = await Activation.RunAsync(host, counts.Activations);
    await using var db = new NpgsqlConnection(durableDb);
    await db.OpenAsync();
    version = db.PostgreSqlVersion.ToString();
}

RoutingFigures fast;
await using (var host = await BenchHost.StartAsync(dll, fastDb))
{
    fast = await RoutingRun.RunAsync(host, counts, "fast");
}

var report = new Report(durable, fast, scale, activation.Activate, activation.Info, counts, version).ToMarkdown();
File.WriteAllText(output, report);
Console.WriteLine(report);
return 0;
