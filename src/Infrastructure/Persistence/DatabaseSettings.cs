using System.ComponentModel.DataAnnotations;
using System.Data.Common;

namespace RyzeApi.Infrastructure.Persistence;

/// <summary>The PostgreSQL connection string (<c>ConnectionStrings__Postgres</c>), bound from the
/// <c>ConnectionStrings</c> section.</summary>
public sealed class DatabaseSettings : IValidatableObject
{
    public const string Section = "ConnectionStrings";

    /// <summary>The connection string as the operator wrote it; migrations run with it.</summary>
    public string? Postgres { get; set; }

    /// <summary>What the data source opens: <see cref="Postgres"/> with RyzeApi's defaults (<see cref="WithDefaults"/>).</summary>
    public string PooledConnectionString => WithDefaults(Postgres ?? "");

    /// <summary>Connections the pool opens at most: the operator's <c>Maximum Pool Size</c>, else RyzeApi's 20. Whatever
    /// holds connections at the same time (the outbox's database writers) is sized against it.</summary>
    public int MaxPoolSize => new NpgsqlConnectionStringBuilder(PooledConnectionString).MaxPoolSize;

    /// <summary>The connection string with RyzeApi's defaults for the settings it leaves unset; an operator's
    /// own value always wins. Each was measured by <c>bench/routing/run</c> (docs/adr/0011).</summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare=64</c>: the same few statements run for every message; unprepared, PostgreSQL
    /// parses and plans each one every time. Set 0 behind a transaction-mode pooler that cannot keep them.</item>
    /// <item><c>No Reset On Close=true</c>: RyzeApi keeps no session state (its advisory locks are
    /// transaction-scoped), so the four reset statements Npgsql sends after every use of a pooled connection
    /// are pure cost, several per message.</item>
    /// <item><c>Maximum Pool Size=20</c>: past a few connections per PostgreSQL core, more only add context
    /// switches and contention; callers wait for a free connection instead (Npgsql's default is 100).</item>
    /// </list>
    /// </remarks>
    public static string WithDefaults(string connectionString)
    {
        // The operator's keys as written (the plain builder keeps them; Npgsql's knows them all).
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!written.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        if (!written.Overlaps(["MAXIMUMPOOLSIZE", "MAXPOOLSIZE"]))
        {
            builder.MaxPoolSize = 20;
        }

        return builder.ConnectionString;
    }

    /// <summary>No connection string, or one Npgsql cannot read, stops start-up here, naming the setting, instead of
    /// at the first connection. Npgsql's reason names the position or the keyword, never a value.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Postgres))
        {
            return [new ValidationResult("ConnectionStrings__Postgres is not set: RyzeApi keeps all state in PostgreSQL.")];
        }

        try
        {
            _ = WithDefaults(Postgres);
            return [];
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            return [new ValidationResult($"ConnectionStrings__Postgres is not a connection string Npgsql can read: {exception.Message}")];
        }
    }
}

/// <summary>Generated; it runs <see cref="DatabaseSettings.Validate"/>.</summary>
[OptionsValidator]
public sealed partial class DatabaseSettingsValidator : IValidateOptions<DatabaseSettings>;
