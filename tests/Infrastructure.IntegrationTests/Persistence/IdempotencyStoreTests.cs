namespace RyzeApi.Infrastructure.IntegrationTests.Persistence;

public sealed class IdempotencyStoreTests : DatabaseTestBase
{
    [Test]
    public async Task ClaimAsync_SameKeyTwice_SecondIsInProgress()
    {
        // Arrange
        var key = new IdempotencyKey(await CreateAccountAsync("account-token"), "op", "k", [1, 2]);
        var store = new IdempotencyStore(DataSource);

        // Act
        var first = await store.ClaimAsync(key, CancellationToken.None);
        var second = await store.ClaimAsync(key, CancellationToken.None);

        // Assert
        Assert.That((first.Outcome, second.Outcome), Is.EqualTo((IdempotencyClaimOutcome.Claimed, IdempotencyClaimOutcome.InProgress)));
    }

    [Test]
    public async Task ClaimAsync_SameKeyOtherBody_IsMismatch()
    {
        // Arrange
        var account = await CreateAccountAsync("account-token");
        var store = new IdempotencyStore(DataSource);
        await store.ClaimAsync(new IdempotencyKey(account, "op", "k", [1]), CancellationToken.None);

        // Act
        var claim = await store.ClaimAsync(new IdempotencyKey(account, "op", "k", [2]), CancellationToken.None);

        // Assert
        Assert.That(claim.Outcome, Is.EqualTo(IdempotencyClaimOutcome.Mismatch));
    }

    [Test]
    public async Task ClaimAsync_AfterCompletion_ReplaysTheStoredResponse()
    {
        // Arrange
        var account = await CreateAccountAsync("account-token");
        var key = new IdempotencyKey(account, "op", "k", [1]);
        var store = new IdempotencyStore(DataSource);
        await store.ClaimAsync(key, CancellationToken.None);
        await Database.ExecuteAsync("UPDATE idempotency_keys SET response = '{\"a\":1}'");

        // Act
        var claim = await store.ClaimAsync(key, CancellationToken.None);

        // Assert
        Assert.That((claim.Outcome, claim.StoredResponse), Is.EqualTo((IdempotencyClaimOutcome.Replay, "{\"a\":1}")));
    }

    [Test]
    public async Task ClaimAsync_AfterRelease_ClaimsAgain()
    {
        // Arrange
        var key = new IdempotencyKey(await CreateAccountAsync("account-token"), "op", "k", [1]);
        var store = new IdempotencyStore(DataSource);
        await store.ClaimAsync(key, CancellationToken.None);

        // Act
        await store.ReleaseAsync(key, CancellationToken.None);
        var claim = await store.ClaimAsync(key, CancellationToken.None);

        // Assert
        Assert.That(claim.Outcome, Is.EqualTo(IdempotencyClaimOutcome.Claimed));
    }

    [Test]
    public async Task ClaimAsync_KeyOlderThan24Hours_IsClaimedAnew()
    {
        // Arrange
        var key = new IdempotencyKey(await CreateAccountAsync("account-token"), "op", "k", [1]);
        var store = new IdempotencyStore(DataSource);
        await store.ClaimAsync(key, CancellationToken.None);
        await Database.ExecuteAsync("UPDATE idempotency_keys SET response = '{}', created_at = now() - interval '25 hours'");

        // Act
        var claim = await store.ClaimAsync(key, CancellationToken.None);

        // Assert
        Assert.That(claim.Outcome, Is.EqualTo(IdempotencyClaimOutcome.Claimed));
    }

    [Test]
    public async Task ClaimAsync_ConcurrentClaims_ExactlyOneWins()
    {
        // Arrange
        var key = new IdempotencyKey(await CreateAccountAsync("account-token"), "op", "k", [1]);
        var store = new IdempotencyStore(DataSource);

        // Act
        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => store.ClaimAsync(key, CancellationToken.None)));

        // Assert
        Assert.That(claims.Count(c => c.Outcome == IdempotencyClaimOutcome.Claimed), Is.EqualTo(1));
    }
}
