namespace RyzeApi.Infrastructure.IntegrationTests.Persistence;

public sealed class RateLimitCounterTests : DatabaseTestBase
{
    private static readonly DateTimeOffset s_window = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task AddAsync_ReturnsTheRunningCount_PerPolicyPartitionAndWindow()
    {
        // Arrange
        var counter = new RateLimitCounter(DataSource);

        // Act
        var first = await counter.AddAsync("global", "t:aa", s_window, 1, CancellationToken.None);
        var second = await counter.AddAsync("global", "t:aa", s_window, 1, CancellationToken.None);
        var block = await counter.AddAsync("global", "t:aa", s_window, 5, CancellationToken.None);
        var otherPartition = await counter.AddAsync("global", "t:bb", s_window, 1, CancellationToken.None);
        var otherPolicy = await counter.AddAsync("instance-create", "t:aa", s_window, 1, CancellationToken.None);
        var nextWindow = await counter.AddAsync("global", "t:aa", s_window.AddMinutes(1), 1, CancellationToken.None);

        // Assert
        Assert.That(new[] { first, second, block, otherPartition, otherPolicy, nextWindow }, Is.EqualTo(new long[] { 1, 2, 7, 1, 1, 1 }));
    }

    [Test]
    public async Task AddAsync_HundredAtOnceOnOneRow_EachGetsItsOwnCount()
    {
        // Arrange
        var counter = new RateLimitCounter(DataSource);

        // Act
        var counts = await Task.WhenAll(Enumerable.Range(0, 100)
            .Select(_ => Task.Run(() => counter.AddAsync("global", "t:aa", s_window, 1, CancellationToken.None))));

        // Assert
        Assert.That(counts.Order(), Is.EqualTo(Enumerable.Range(1, 100).Select(i => (long)i)));
    }

    [Test]
    public async Task AddAsync_StoresAFixedWidthHashOfThePartition_NeverThePartition()
    {
        // Arrange: a webhook path segment can be as long as a caller likes.
        var counter = new RateLimitCounter(DataSource);
        var partition = "w:int_" + new string('x', 5000);

        // Act
        await counter.AddAsync("ingress", partition, s_window, 3, CancellationToken.None);

        // Assert
        Assert.That(await Database.ScalarAsync<int>("SELECT octet_length(partition_key) FROM rate_limit_windows"), Is.EqualTo(16));
        Assert.That(await Database.DumpAsync(withRateLimitCounts: true), Does.Not.Contain("xxxx"));
    }

    [Test]
    public async Task PurgeAsync_DeletesTheWindowsThatStartedBefore()
    {
        // Arrange
        var counter = new RateLimitCounter(DataSource);
        foreach (var minutes in new[] { 0, 1, 2 })
        {
            await counter.AddAsync("global", "t:aa", s_window.AddMinutes(minutes), 1, CancellationToken.None);
        }

        // Act
        await counter.PurgeAsync(s_window.AddMinutes(1), CancellationToken.None);

        // Assert
        var left = await Database.ScalarAsync<string>(
            "SELECT string_agg(to_char(window_start AT TIME ZONE 'UTC', 'HH24:MI'), ',' ORDER BY window_start) FROM rate_limit_windows");
        Assert.That(left, Is.EqualTo("10:01,10:02"));
    }

    [Test]
    public async Task Table_IsUnlogged()
    {
        // Assert: counts skip the WAL (docs/adr/0038-rate-limits-shared-by-replicas.md).
        Assert.That(await Database.ScalarAsync<char>("SELECT relpersistence FROM pg_class WHERE relname = 'rate_limit_windows'"), Is.EqualTo('u'));
    }
}
