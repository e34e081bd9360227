using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using RyzeApi.Testing.Chatwoot;
using RyzeApi.Testing.Engine;

namespace RyzeApi.Bench.Routing;

/// <summary>One database's bench: the fakes, the API as its own process against that database, its instance
/// "bench" activated, and the waits every phase uses.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string AccountToken = "bench-account-token-0123456789";
    public const string ChatwootToken = "bench-chatwoot-admin-token";
    public const long ChatwootAccount = 5;

    // Bytes 1..32: the bench's encryption key, which the scale phase also uses to encrypt the tokens it seeds.
    public static readonly byte[] EncryptionKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private BenchHost(FakeChatwoot chatwoot, FakeEngine engine, ApiProcess api, HttpClient http, string connectionString, int postmasterPid)
    {
        (Chatwoot, Engine, Api, Http, ConnectionString, PostmasterPid) = (chatwoot, engine, api, http, connectionString, postmasterPid);
    }

    public FakeChatwoot Chatwoot { get; }

    public FakeEngine Engine { get; }

    public ApiProcess Api { get; }

    /// <summary>The API, with the account's token on every request.</summary>
    public HttpClient Http { get; }

    public string ConnectionString { get; }

    /// <summary>The PostgreSQL server this host's database runs on: its processes are the ones whose CPU counts.</summary>
    public int PostmasterPid { get; }

    public string InstanceToken { get; private set; } = "";

    public FakeInbox Inbox => Chatwoot.Inboxes.First();

    /// <summary>When the API answered 202 to each event, by its WhatsApp id.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> Accepted { get; } = new();

    public Cpu Cpu() => Routing.Cpu.Now(Api.Pid, PostmasterPid);

    public static async Task<BenchHost> StartAsync(string dll, string connectionString)
    {
        var chatwoot = await FakeChatwoot.StartAsync();
        chatwoot.AddAccount(ChatwootAccount, ChatwootToken);
        chatwoot.ContactSearchLimitPerMinute = null;
        chatwoot.WebhookTimeout = TimeSpan.FromMinutes(2); // measure an overloaded receiver instead of failing the run
        // Off by default: the echo webhooks real Chatwoot would post (the API ignores them) compete with what is measured.
        chatwoot.AutomaticWebhooks = Environment.GetEnvironmentVariable("BENCH_FAKE_WEBHOOKS") == "1";
        var engine = await FakeEngine.StartAsync();
        var api = await ApiProcess.StartAsync(dll, ApiEnvironment(connectionString, engine));
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = new Uri(api.BaseUrl) };
        http.DefaultRequestHeaders.Add("token", AccountToken);
        var host = new BenchHost(chatwoot, engine, api, http, connectionString, await PostmasterPidAsync(connectionString));
        host.InstanceToken = await host.CreateInstanceAsync("bench");
        using var activated = await host.ActivateAsync("bench", "Bench");
        if (!activated.IsSuccessStatusCode)
        {
            throw new InvalidOperationException("activation failed: " + await activated.Content.ReadAsStringAsync());
        }

        return host;
    }

    /// <returns>The new instance's own token.</returns>
    public async Task<string> CreateInstanceAsync(string name)
    {
        using var created = await Http.PostAsJsonAsync("/api/instance/new", new { name });
        return JsonNode.Parse(await created.Content.ReadAsStringAsync())!["instance"]!["token"]!.GetValue<string>();
    }

    public Task<HttpResponseMessage> ActivateAsync(string instance, string inboxName) => Http.PostAsJsonAsync(
        $"/api/chatwoot/set/{instance}",
        new { chatwootBaseUrl = Chatwoot.BaseUrl, chatwootAccountId = ChatwootAccount, chatwootApiToken = ChatwootToken, inboxName });

    /// <summary>A text message from <paramref name="chat"/> to the instance, as the engine posts it; throws unless 202.</summary>
    public async Task PostEventAsync(string instance, string token, string id, string chat)
    {
        var body = EngineEvents.Exchange(EngineEvents.Text(chat, "mensagem " + id, "Cliente " + chat) with { Id = id });
        using var response = await EngineEvents.PostAsync(Http, instance, token, body);
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"event {id}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Accepted[id] = DateTimeOffset.UtcNow;
    }

    public Task PostEventAsync(string id, string chat) => PostEventAsync("bench", InstanceToken, id, chat);

    /// <summary>WhatsApp messages routed into the fake Chatwoot so far.</summary>
    public int RoutedCount() => Chatwoot.Messages.Count(m => m.SourceId?.StartsWith("WAID:", StringComparison.Ordinal) == true);

    /// <summary>Until <paramref name="total"/> routed WhatsApp messages exist in the fake Chatwoot.</summary>
    public async Task<TimeSpan> WaitForMessagesAsync(int total)
    {
        var clock = Stopwatch.StartNew();
        while (RoutedCount() < total)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"only {Chatwoot.Messages.Count} messages reached Chatwoot");
            }

            await Task.Delay(50);
        }

        return clock.Elapsed;
    }

    public int ApiCalls() => Chatwoot.Requests.Count(r => r.Path.StartsWith("/api/v1/", StringComparison.Ordinal));

    /// <summary>Every agent reply is sent through the engine and its "sent" tick (PATCHed onto the Chatwoot message)
    /// reaches Chatwoot: a phase with replies is over only then.</summary>
    public async Task WaitForRepliesAsync(int total)
    {
        await Engine.WaitForSendsAsync(total, TimeSpan.FromMinutes(5));
        var clock = Stopwatch.StartNew();
        while (Chatwoot.Requests.Count(r => r.Method == "PATCH" && r.Path.Contains("/messages/", StringComparison.Ordinal)) < total)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("the sent ticks did not all reach Chatwoot");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Api.DisposeAsync();
        await Engine.DisposeAsync();
        await Chatwoot.DisposeAsync();
    }

    private static Dictionary<string, string> ApiEnvironment(string connectionString, FakeEngine engine) => new()
    {
        ["ConnectionStrings__Postgres"] = connectionString,
        ["RyzeApi__BootstrapAccountToken"] = AccountToken,
        ["Chatwoot__EncryptionKey"] = Convert.ToBase64String(EncryptionKey),
        ["Engine__BaseUrl"] = engine.BaseUrl,
        ["Engine__Token"] = engine.Token,
        ["RateLimiting__GlobalPermitLimit"] = "1000000",
        ["RateLimiting__InstanceCreatePermitLimit"] = "1000000",
        ["RateLimiting__IngressPermitLimit"] = "1000000",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__Console__FormatterName"] = "simple",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ThreadPool_ForceMinWorkerThreads"] = Environment.GetEnvironmentVariable("BENCH_MIN_THREADS") ?? "0",
        // Tier-up without the 100 ms quiet period .NET waits for: under constant traffic that period keeps being
        // extended, and after a 30 s warm-up ~450 methods/s were still being compiled (instrumented tier 0), costing
        // the API a third of its CPU. A process that has run for minutes is past that; this gets there in seconds.
        // The code it ends up running is the same (tier 1 with dynamic PGO).
        ["DOTNET_TC_CallCountingDelayMs"] = "0",
    };

    // The server process is the parent of every backend: its children are the processes whose CPU the bench counts.
    private static async Task<int> PostmasterPidAsync(string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", db);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return Routing.Cpu.ParentOf(backend);
    }
}
