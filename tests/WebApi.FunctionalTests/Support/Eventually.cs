namespace RyzeApi.WebApi.FunctionalTests.Support;

/// <summary>Waits for asynchronous deliveries. The deadlines are generous: they only fail a test when something is
/// really stuck, never because a machine is slow, and nothing here measures speed.</summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds; returns the last value.</summary>
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? Deadline);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"Still waiting for {what} after {deadline ?? Deadline}; last seen: {Describe(value)}");
            }

            await Task.Delay(50);
        }
    }

    public static Task<T> WaitAsync<T>(Func<T> probe, Func<T, bool> done, string what, TimeSpan? deadline = null) =>
        WaitAsync(() => Task.FromResult(probe()), done, what, deadline);

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? deadline = null) =>
        WaitAsync(condition, ok => ok, what, deadline);

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        string s => s,
        System.Collections.IEnumerable items => $"[{string.Join("; ", items.Cast<object?>().Take(20))}]",
        _ => value.ToString() ?? "",
    };
}
