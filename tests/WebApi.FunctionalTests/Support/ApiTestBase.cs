using System.Net.Http.Json;
using RyzeApi.Testing.Postgres;

namespace RyzeApi.WebApi.FunctionalTests.Support;

/// <summary>A fresh database and a fresh API per test; helpers for the common set-up calls.</summary>
public abstract class ApiTestBase
{
    protected static TestDatabase Database => FunctionalSetup.Database;

    protected ApiFactory Api { get; private set; } = null!;

    protected HttpClient Account { get; private set; } = null!;

    /// <summary>Settings this fixture's API runs with, over the working defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    [SetUp]
    public async Task StartApi()
    {
        await Database.ResetAsync();
        await BeforeApiStartsAsync();
        Api = ApiFactory.Create(Database.ConnectionString, Settings);
        ConfigureApi(Api);
        Account = Api.CreateClientWithToken(ApiFactory.AccountToken);
        await BeforeEachAsync();
    }

    [TearDown]
    public async Task StopApi()
    {
        Account.Dispose();
        await Api.DisposeAsync();
    }

    protected virtual Task BeforeEachAsync() => Task.CompletedTask;

    /// <summary>Runs before <see cref="Settings"/> is read, e.g. to start a fake the settings point at.</summary>
    protected virtual Task BeforeApiStartsAsync() => Task.CompletedTask;

    /// <summary>Adjusts the factory before it starts, e.g. to listen on a real port.</summary>
    protected virtual void ConfigureApi(ApiFactory api)
    {
    }

    /// <summary>Creates an instance with the account token and returns its TokenInstance.</summary>
    protected async Task<string> CreateInstanceAsync(string name)
    {
        var response = await Account.PostAsJsonAsync("/api/instance/new", new { name });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())["instance"]!.Text("token");
    }

    /// <summary>A second account, made the way the bootstrap account is, with its own token.</summary>
    protected async Task<HttpClient> CreateOtherAccountAsync(string token)
    {
        await Database.ExecuteAsync(
            $"INSERT INTO accounts (id, name, token_hash) VALUES (gen_random_uuid(), 'other', sha256('{token}'::bytea))");
        return Api.CreateClientWithToken(token);
    }
}
