namespace RyzeApi.Infrastructure.IntegrationTests.Support;

/// <summary>An outbox with one integration to record rows for, and helpers for rows and lane locks.</summary>
public abstract class OutboxRowsTestBase : OutboxTestBase
{
    protected static readonly TimeSpan s_lease = TimeSpan.FromMinutes(1);

    protected string IntegrationId { get; private set; } = null!;

    protected Guid InstanceId { get; private set; }

    [SetUp]
    public async Task CreateIntegration()
    {
        var account = await CreateAccountAsync("account-token-outbox-0001");
        var instance = await CreateInstanceAsync(account, "suporte", "instance-token-outbox-0001");
        InstanceId = instance.Id;
        var integration = IntegrationSamples.New(instance.Id);
        await new ChatwootIntegrationRepository(DataSource, TimeProvider.System).ReplaceAsync(integration, null, CancellationToken.None);
        IntegrationId = integration.Integration.Id;
    }

    protected NewOutboxItem Item(Lane lane, string dedupeKey) =>
        new(IntegrationId, WhatsAppMessage.KindName, lane, dedupeKey, Payload(dedupeKey));

    protected static string Payload(string id) => $"{{\"Id\": \"{id}\"}}";

    protected static async Task WaitForAdvisoryLockWaiterAsync(int waiters = 1)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await Database.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") >= waiters)
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail("no insert ever waited for the lane's lock");
    }
}
