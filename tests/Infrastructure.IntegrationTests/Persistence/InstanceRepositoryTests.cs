using RyzeApi.Application.Common.Security;

namespace RyzeApi.Infrastructure.IntegrationTests.Persistence;

public sealed class InstanceRepositoryTests : DatabaseTestBase
{
    [Test]
    public async Task CreateAsync_NewName_IsFoundByNameWithItsAccount()
    {
        // Arrange
        var account = await CreateAccountAsync("account-token-1");

        // Act
        var created = await CreateInstanceAsync(account, "suporte", "instance-token-1");
        var found = await new InstanceRepository(DataSource).FindByNameAsync("suporte", CancellationToken.None);

        // Assert
        Assert.That(found, Is.EqualTo(created));
    }

    [Test]
    public async Task CreateAsync_TakenName_ReturnsNameTakenEvenForAnotherAccount()
    {
        // Arrange
        var first = await CreateAccountAsync("account-token-1");
        var second = await CreateAccountAsync("account-token-2");
        await CreateInstanceAsync(first, "suporte", "instance-token-1");
        var duplicate = new InstanceRecord(Guid.CreateVersion7(), second, "suporte", DateTimeOffset.UtcNow);

        // Act
        var outcome = await new InstanceRepository(DataSource).CreateAsync(duplicate, SecretTokens.Hash("instance-token-2"), CancellationToken.None);

        // Assert
        Assert.That(outcome, Is.EqualTo(CreateInstanceOutcome.NameTaken));
    }

    [Test]
    public async Task CreateAsync_TakenToken_ReturnsTokenTaken()
    {
        // Arrange
        var account = await CreateAccountAsync("account-token-1");
        await CreateInstanceAsync(account, "suporte", "instance-token-1");
        var other = new InstanceRecord(Guid.CreateVersion7(), account, "vendas", DateTimeOffset.UtcNow);

        // Act
        var outcome = await new InstanceRepository(DataSource).CreateAsync(other, SecretTokens.Hash("instance-token-1"), CancellationToken.None);

        // Assert
        Assert.That(outcome, Is.EqualTo(CreateInstanceOutcome.TokenTaken));
    }

    [Test]
    public async Task ListAsync_FilteredByNames_ReturnsOnlyThisAccountsMatches()
    {
        // Arrange
        var account = await CreateAccountAsync("account-token-1");
        var other = await CreateAccountAsync("account-token-2");
        await CreateInstanceAsync(account, "a", "instance-token-a");
        await CreateInstanceAsync(account, "b", "instance-token-b");
        await CreateInstanceAsync(other, "c", "instance-token-c");
        var repository = new InstanceRepository(DataSource);

        // Act
        var all = await repository.ListAsync(account, null, CancellationToken.None);
        var filtered = await repository.ListAsync(account, ["b", "c"], CancellationToken.None);

        // Assert
        Assert.That(all.Select(i => i.Name), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(filtered.Select(i => i.Name), Is.EqualTo(new[] { "b" }));
        Assert.That(filtered[0].IntegrationId, Is.Null);
    }

    [Test]
    public async Task DeleteAsync_InstanceWithIntegration_DeletesBoth()
    {
        // Arrange
        var account = await CreateAccountAsync("account-token-1");
        var instance = await CreateInstanceAsync(account, "suporte", "instance-token-1");
        await new ChatwootIntegrationRepository(DataSource, TimeProvider.System)
            .ReplaceAsync(IntegrationSamples.New(instance.Id), null, CancellationToken.None);

        // Act
        var deleted = await new InstanceRepository(DataSource).DeleteAsync(instance.Id, CancellationToken.None);

        // Assert
        Assert.That(deleted, Is.True);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM chatwoot_integrations"), Is.Zero);
        Assert.That(await new InstanceRepository(DataSource).DeleteAsync(instance.Id, CancellationToken.None), Is.False);
    }
}
