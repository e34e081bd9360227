namespace RyzeApi.Infrastructure.IntegrationTests.Persistence;

public sealed class ChatwootIntegrationRepositoryTests : DatabaseTestBase
{
    private ChatwootIntegrationRepository Repository => new(DataSource, TimeProvider.System);

    [Test]
    public async Task ReplaceAsync_NewIntegration_IsReadBackWhole()
    {
        // Arrange
        var instance = await CreateInstanceAsync(await CreateAccountAsync("account-token"), "suporte", "instance-token");
        var integration = IntegrationSamples.New(instance.Id, new ProtectedSecret("k1", [9, 9]));

        // Act
        await Repository.ReplaceAsync(integration, null, CancellationToken.None);
        var stored = await Repository.FindByInstanceAsync(instance.Id, CancellationToken.None);

        // Assert
        Assert.That(stored, Is.Not.Null);
        Assert.That(stored!.Integration, Is.EqualTo(integration.Integration));
        Assert.That(stored.ApiToken.KeyId, Is.EqualTo(integration.ApiToken.KeyId));
        Assert.That(stored.ApiToken.Ciphertext, Is.EqualTo(integration.ApiToken.Ciphertext));
        Assert.That(await Database.ScalarAsync<string>("SELECT inbox_secret_key_id FROM chatwoot_integrations"), Is.EqualTo("k1"));
    }

    [Test]
    public async Task ReplaceAsync_SecondActivation_ReplacesTheFirst()
    {
        // Arrange
        var instance = await CreateInstanceAsync(await CreateAccountAsync("account-token"), "suporte", "instance-token");
        var first = IntegrationSamples.New(instance.Id);
        var second = IntegrationSamples.New(instance.Id);
        await Repository.ReplaceAsync(first, null, CancellationToken.None);

        // Act
        await Repository.ReplaceAsync(second, null, CancellationToken.None);

        // Assert
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM chatwoot_integrations"), Is.EqualTo(1));
        Assert.That((await Repository.FindByInstanceAsync(instance.Id, CancellationToken.None))!.Integration.Id, Is.EqualTo(second.Integration.Id));
    }

    [Test]
    public async Task ReplaceAsync_ConcurrentActivations_LeaveExactlyOne()
    {
        // Arrange
        var instance = await CreateInstanceAsync(await CreateAccountAsync("account-token"), "suporte", "instance-token");
        var candidates = Enumerable.Range(0, 8).Select(_ => IntegrationSamples.New(instance.Id)).ToList();

        // Act
        await Task.WhenAll(candidates.Select(c => Repository.ReplaceAsync(c, null, CancellationToken.None)));

        // Assert
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM chatwoot_integrations"), Is.EqualTo(1));
    }

    [Test]
    public async Task ReplaceAsync_WithIdempotencyCompletion_StoresTheResponseInTheSameTransaction()
    {
        // Arrange
        var account = await CreateAccountAsync("account-token");
        var instance = await CreateInstanceAsync(account, "suporte", "instance-token");
        var key = new IdempotencyKey(account, "op", "key-1", [1]);
        await new IdempotencyStore(DataSource).ClaimAsync(key, CancellationToken.None);

        // Act
        await Repository.ReplaceAsync(IntegrationSamples.New(instance.Id), new IdempotencyCompletion(key, "{\"ok\":1}"), CancellationToken.None);

        // Assert
        Assert.That(await Database.ScalarAsync<string>("SELECT response FROM idempotency_keys"), Is.EqualTo("{\"ok\":1}"));
    }

    [Test]
    public async Task ReplaceAsync_DeletedInstance_ThrowsDatabaseUnavailableAndStoresNothing()
    {
        // Arrange
        var integration = IntegrationSamples.New(Guid.CreateVersion7());

        // Act
        var exception = Assert.ThrowsAsync<DatabaseUnavailableException>(() => Repository.ReplaceAsync(integration, null, CancellationToken.None));

        // Assert
        Assert.That(exception!.Message, Does.Contain("23503"));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM chatwoot_integrations"), Is.Zero);
    }

    [Test]
    public async Task UpdateHealthAsync_Error_IsReadBack()
    {
        // Arrange
        var instance = await CreateInstanceAsync(await CreateAccountAsync("account-token"), "suporte", "instance-token");
        var integration = IntegrationSamples.New(instance.Id);
        await Repository.ReplaceAsync(integration, null, CancellationToken.None);

        // Act
        await Repository.UpdateHealthAsync(integration.Integration.Id, IntegrationStatus.Error, "inbox gone", CancellationToken.None);

        // Assert
        var stored = (await Repository.FindByInstanceAsync(instance.Id, CancellationToken.None))!.Integration;
        Assert.That((stored.Status, stored.LastError), Is.EqualTo((IntegrationStatus.Error, "inbox gone")));
    }

    [Test]
    public async Task DeleteByInstanceAsync_Existing_DeletesOnceThenReportsNothing()
    {
        // Arrange
        var instance = await CreateInstanceAsync(await CreateAccountAsync("account-token"), "suporte", "instance-token");
        await Repository.ReplaceAsync(IntegrationSamples.New(instance.Id), null, CancellationToken.None);

        // Act
        var first = await Repository.DeleteByInstanceAsync(instance.Id, CancellationToken.None);
        var second = await Repository.DeleteByInstanceAsync(instance.Id, CancellationToken.None);

        // Assert
        Assert.That((first, second), Is.EqualTo((true, false)));
        Assert.That(await Repository.FindByInstanceAsync(instance.Id, CancellationToken.None), Is.Null);
    }
}
