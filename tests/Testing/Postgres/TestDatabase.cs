using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Respawn;
using RyzeApi.Infrastructure.Persistence;

namespace RyzeApi.Testing.Postgres;

/// <summary>A real PostgreSQL database of its own for one test assembly: created from the admin
/// connection in <c>RYZEAPI_TEST_POSTGRES</c> (scripts/test starts a server and sets it), migrated with
/// the application's own migrator, emptied between tests with Respawn, dropped at the end.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Variable = "RYZEAPI_TEST_POSTGRES";

    private readonly string _adminConnectionString;
    private readonly string _name;
    private Respawner? _respawner;

    private TestDatabase(string adminConnectionString, string name, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <param name="migrate">False leaves the database empty, for tests of the migrator itself.</param>
    public static async Task<TestDatabase> CreateAsync(string purpose, bool migrate = true)
    {
        var admin = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests with scripts/test, which starts PostgreSQL and sets it, "
                + "or set it to an admin connection string such as Host=127.0.0.1;Port=5432;Username=postgres.");
        var name = $"ryzeapi_{purpose}_{Environment.ProcessId}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await Execute(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            await Execute(connection, $"CREATE DATABASE \"{name}\"");
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        if (migrate)
        {
            DatabaseMigrator.Migrate(connectionString, NullLogger.Instance);
        }

        return new TestDatabase(admin, name, connectionString);
    }

    /// <summary>Empties every table but the migrations journal.</summary>
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        _respawner ??= await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["schemaversions"],
        });
        await _respawner.ResetAsync(connection);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, sql);
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>Every row of every table as JSON text, bytea included (as hex) — to prove what is not stored. Without
    /// <paramref name="withRateLimitCounts"/> the rate-limit counts are left out: every request moves them, so a dump
    /// taken to prove that a request stored nothing would always differ.</summary>
    public async Task<string> DumpAsync(bool withRateLimitCounts = false)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        if (!withRateLimitCounts)
        {
            tables.Remove("rate_limit_windows");
        }

        var dump = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT row_to_json(t)::text FROM \"{table}\" t", connection);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                dump.AppendLine(reader.GetString(0));
            }
        }

        return dump.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await Execute(connection, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
