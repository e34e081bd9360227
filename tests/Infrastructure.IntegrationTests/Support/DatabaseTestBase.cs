using Npgsql;
using RyzeApi.Application.Common.Security;
using RyzeApi.Testing.Postgres;

namespace RyzeApi.Infrastructure.IntegrationTests.Support;

/// <summary>Every test starts from empty tables on the real database, with real repositories.</summary>
public abstract class DatabaseTestBase
{
    protected static TestDatabase Database => DatabaseSetup.Database;

    protected NpgsqlDataSource DataSource { get; private set; } = null!;

    [SetUp]
    public async Task ResetDatabase()
    {
        await Database.ResetAsync();
        DataSource = NpgsqlDataSource.Create(Database.ConnectionString);
    }

    [TearDown]
    public async Task DisposeDataSource() => await DataSource.DisposeAsync();

    protected async Task<Guid> CreateAccountAsync(string token)
    {
        await new AccountRepository(DataSource).EnsureAccountAsync(SecretTokens.Hash(token), "test", CancellationToken.None);
        var caller = await new CredentialStore(DataSource).FindByTokenHashAsync(SecretTokens.Hash(token), CancellationToken.None);
        return caller!.AccountId;
    }

    protected async Task<InstanceRecord> CreateInstanceAsync(Guid accountId, string name, string token)
    {
        var instance = new InstanceRecord(Guid.CreateVersion7(), accountId, name, new DateTimeOffset(2026, 4, 20, 10, 15, 30, TimeSpan.Zero));
        var outcome = await new InstanceRepository(DataSource).CreateAsync(instance, SecretTokens.Hash(token), CancellationToken.None);
        Assert.That(outcome, Is.EqualTo(CreateInstanceOutcome.Created));
        return instance;
    }
}
