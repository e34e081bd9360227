using Npgsql;
using RyzeApi.Infrastructure.Persistence;

namespace RyzeApi.Infrastructure.UnitTests.Persistence;

public sealed class DatabaseSettingsTests
{
    [Test]
    public void WithDefaults_NothingSaid_PreparesStatementsSkipsResetsAndBoundsThePool()
    {
        // Act
        var connectionString = DatabaseSettings.WithDefaults("Host=db;Username=ryze;Password=p;Database=ryzeapi");

        // Assert
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.That((builder.MaxAutoPrepare, builder.NoResetOnClose, builder.MaxPoolSize), Is.EqualTo((64, true, 20)));
        Assert.That((builder.Host, builder.Username, builder.Password, builder.Database), Is.EqualTo(("db", "ryze", "p", "ryzeapi")));
    }

    [TestCase("Host=db;Max Auto Prepare=0", 0, true, 20)]
    [TestCase("Host=db;maxautoprepare=5", 5, true, 20)]
    [TestCase("Host=db; Max Auto Prepare = 12 ;No Reset On Close=false", 12, false, 20)]
    [TestCase("Host=db;Maximum Pool Size=200", 64, true, 200)]
    [TestCase("Host=db;MaxPoolSize=7", 64, true, 7)]
    [TestCase("Host=db;Password='a;b';Maximum Pool Size=100", 64, true, 100)]
    public void WithDefaults_TheOperatorsSetting_Wins(string connectionString, int prepare, bool noReset, int pool)
    {
        // Act
        var result = new NpgsqlConnectionStringBuilder(DatabaseSettings.WithDefaults(connectionString));

        // Assert
        Assert.That((result.MaxAutoPrepare, result.NoResetOnClose, result.MaxPoolSize), Is.EqualTo((prepare, noReset, pool)));
    }
}
