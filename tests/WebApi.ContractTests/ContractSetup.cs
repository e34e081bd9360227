using RyzeApi.Testing.Postgres;
// Not in .Support: a SetUpFixture only covers its own namespace and those below it.

namespace RyzeApi.WebApi.ContractTests;

/// <summary>One real, migrated database for this assembly.</summary>
[SetUpFixture]
public sealed class ContractSetup
{
    private static TestDatabase? s_database;

    public static TestDatabase Database => s_database ?? throw new InvalidOperationException("The database was not set up");

    [OneTimeSetUp]
    public async Task CreateDatabase() => s_database = await TestDatabase.CreateAsync("contract");

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (s_database is not null)
        {
            await s_database.DisposeAsync();
        }
    }
}
