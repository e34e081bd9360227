namespace RyzeApi.Infrastructure.Persistence;

/// <summary>Runs a database operation and turns Npgsql failures into Application's
/// <see cref="DatabaseUnavailableException"/>, so Application never sees the driver's types.</summary>
internal static class Db
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (NpgsqlException exception)
        {
            throw new DatabaseUnavailableException(exception.Message, exception);
        }
    }

    /// <summary>A <c>timestamptz</c> as Npgsql reads it (a UTC <see cref="DateTime"/> of unspecified kind through
    /// Dapper) as the <see cref="DateTimeOffset"/> the domain uses.</summary>
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static Task RunAsync(Func<Task> operation) => RunAsync(async () =>
    {
        await operation();
        return true;
    });
}
