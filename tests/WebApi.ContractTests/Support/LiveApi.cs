using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace RyzeApi.WebApi.ContractTests.Support;

/// <summary>The real API on a real loopback port (Kestrel, not the in-memory test server), so that
/// generated SDKs, node scripts and a browser can call it as users do.</summary>
public sealed class LiveApi : WebApplicationFactory<Program>
{
    public const string AccountToken = "contract-account-token-0123456789";

    private readonly string _connectionString;

    private LiveApi(string connectionString)
    {
        _connectionString = connectionString;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary><c>http://127.0.0.1:PORT</c>, no trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public static LiveApi Start(string connectionString)
    {
        var api = new LiveApi(connectionString);
        api.StartServer();
        var addresses = api.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        api.BaseUrl = addresses.Addresses.Single().TrimEnd('/');
        return api;
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Add("token", token);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = _connectionString,
            ["RyzeApi:PublicBaseUrl"] = "https://ryzeapi.test",
            ["RyzeApi:BootstrapAccountToken"] = AccountToken,
            ["Chatwoot:EncryptionKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["RateLimiting:GlobalPermitLimit"] = "100000",
            ["RateLimiting:InstanceCreatePermitLimit"] = "100000",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
