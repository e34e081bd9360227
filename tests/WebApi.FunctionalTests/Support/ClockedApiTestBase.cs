using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RyzeApi.Testing.Postgres;

namespace RyzeApi.WebApi.FunctionalTests.Support;

/// <summary>APIs in this process over the test database whose clock the test sets (<see cref="Clock"/>); several
/// started by one test share the database as replicas do.</summary>
public abstract class ClockedApiTestBase
{
    private readonly List<WebApplicationFactory<Program>> _hosts = [];

    protected static TestDatabase Database => FunctionalSetup.Database;

    protected ManualClock Clock { get; } = new(new DateTimeOffset(2026, 12, 6, 10, 0, 30, 250, TimeSpan.Zero));

    /// <summary>What the last API <see cref="StartApi"/> started logged.</summary>
    protected CapturedLogs Logs { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>False opens a new connection for every statement, so refusing connections cuts an API off at once.</summary>
    protected virtual bool Pooling => true;

    [SetUp]
    public Task ResetDatabase() => Database.ResetAsync();

    [TearDown]
    public async Task StopApis()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        _hosts.Clear();
    }

    /// <summary>Starts an API with <see cref="Settings"/> and <see cref="Clock"/>; its client sends <paramref name="token"/>.</summary>
    protected HttpClient StartApi(string? token = ApiFactory.AccountToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Pooling = Pooling }.ConnectionString;
        var settings = new Dictionary<string, string?>(Settings) { ["Routing:WorkersEnabled"] = "false" };
        var api = ApiFactory.Create(connectionString, settings);
        var host = api.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock)));
        _hosts.Add(api);
        _hosts.Add(host);
        Logs = api.Logs;
        var client = host.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Add("token", token);
        }

        return client;
    }

    /// <summary>A clock that stands still until the test moves it; timers still run on real time.</summary>
    protected sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
