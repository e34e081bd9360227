namespace RyzeApi.Infrastructure.Persistence;

internal static class PersistenceRegistration
{
    /// <summary>One <see cref="Npgsql.NpgsqlDataSource"/> for the process, opened with
    /// <see cref="DatabaseSettings.PooledConnectionString"/>; the migrations and the readiness check.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        // The connection string comes from the validated settings when the data source is first resolved.
        services.AddNpgsqlDataSource(string.Empty, (sp, dataSource) =>
        {
            dataSource.ConnectionStringBuilder.ConnectionString = sp.GetRequiredService<IOptions<DatabaseSettings>>().Value.PooledConnectionString;
            // Npgsql logs every command at Information; database failures are logged where they are handled.
            dataSource.UseLoggerFactory(null);
        });
        services.AddSingleton<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgres", tags: ["ready"]);
        return services;
    }
}
