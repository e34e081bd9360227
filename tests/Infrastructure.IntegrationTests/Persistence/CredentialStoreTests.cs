using RyzeApi.Application.Common.Security;

namespace RyzeApi.Infrastructure.IntegrationTests.Persistence;

public sealed class CredentialStoreTests : DatabaseTestBase
{
    [Test]
    public async Task FindByTokenHashAsync_AccountAndInstanceTokens_ResolveToTheirCallers()
    {
        // Arrange
        var account = await CreateAccountAsync("account-token");
        var instance = await CreateInstanceAsync(account, "suporte", "instance-token");
        var store = new CredentialStore(DataSource);

        // Act
        var asAccount = await store.FindByTokenHashAsync(SecretTokens.Hash("account-token"), CancellationToken.None);
        var asInstance = await store.FindByTokenHashAsync(SecretTokens.Hash("instance-token"), CancellationToken.None);
        var unknown = await store.FindByTokenHashAsync(SecretTokens.Hash("nobody"), CancellationToken.None);

        // Assert
        Assert.That(asAccount, Is.EqualTo(new Caller(account, null, null)));
        Assert.That(asInstance, Is.EqualTo(new Caller(account, instance.Id, "suporte")));
        Assert.That(unknown, Is.Null);
    }

    [Test]
    public async Task EnsureAccountAsync_Twice_KeepsOneAccount()
    {
        // Arrange
        var repository = new AccountRepository(DataSource);

        // Act
        await repository.EnsureAccountAsync(SecretTokens.Hash("bootstrap"), "bootstrap", CancellationToken.None);
        await repository.EnsureAccountAsync(SecretTokens.Hash("bootstrap"), "bootstrap", CancellationToken.None);

        // Assert
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM accounts"), Is.EqualTo(1));
    }
}
