using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace RyzeApi.WebApi.FunctionalTests.Support;

/// <summary>The real API over the real test database, configured only through settings, as an operator
/// would: the connection string, the public base URL, the keys, the limits.</summary>
public sealed class ApiFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public const string AccountToken = "account-token-0123456789";
    public static readonly string EncryptionKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public CapturedLogs Logs { get; } = new();

    /// <summary>Settings for a working module; <paramref name="overrides"/> win (null removes a setting).</summary>
    public static ApiFactory Create(string connectionString, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = CommonSettings(connectionString);
        settings["RyzeApi:PublicBaseUrl"] = "https://ryzeapi.test";
        settings["Chatwoot:ActivationTimeout"] = "00:00:05";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ApiFactory(settings);
    }

    /// <summary>What every test API runs with, in process or as its own process: the database, the bootstrap
    /// token and key, short Chatwoot resilience limits and rate limits out of the way.</summary>
    public static Dictionary<string, string?> CommonSettings(string connectionString) => new()
    {
        ["ConnectionStrings:Postgres"] = connectionString,
        ["RyzeApi:BootstrapAccountToken"] = AccountToken,
        ["Chatwoot:EncryptionKey"] = EncryptionKey,
        ["Chatwoot:Resilience:AttemptTimeout:Timeout"] = "00:00:02",
        ["Chatwoot:Resilience:TotalRequestTimeout:Timeout"] = "00:00:04",
        ["Chatwoot:Resilience:CircuitBreaker:SamplingDuration"] = "00:00:05",
        ["Chatwoot:Resilience:Retry:Delay"] = "00:00:00.050",
        ["RateLimiting:GlobalPermitLimit"] = "100000",
        ["RateLimiting:InstanceCreatePermitLimit"] = "100000",
    };

    public HttpClient CreateClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("token", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }
}
