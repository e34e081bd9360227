namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/chatwoot-deliveries.md: only the integration's owner sees and retries its deliveries: the account
/// that owns the instance, or the instance's own token. Another account gets what it gets for any instance not its own.</summary>
public sealed class DeliveryAccessTests : DeliveryApiTestBase
{
    [Test]
    public async Task AnotherAccount_CannotSeeOrRetryTheFailedDelivery()
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = await FailedMessageAsync();
        var id = await DeliveryIdAsync(message.Id);
        using var other = await CreateOtherAccountAsync("other-account-token-7Hq2");

        // Act
        using var list = await ListAsync(client: other);
        using var retryAll = await RetryAsync(new { }, other);
        using var retryId = await RetryAsync(new { ids = new[] { id } }, other);
        await Task.Delay(300);

        // Assert
        await list.AssertErrorAsync(HttpStatusCode.NotFound, "instance not found");
        await retryAll.AssertErrorAsync(HttpStatusCode.NotFound, "instance not found");
        await retryId.AssertErrorAsync(HttpStatusCode.NotFound, "instance not found");
        Assert.That(await Database.ScalarAsync<string>($"SELECT status FROM outbox WHERE id = {id}"), Is.EqualTo("failed"));
        Assert.That(ChatwootCopiesOf(message.Id), Is.Zero);
    }

    [Test]
    public async Task AnotherInstancesToken_IsRefused_TheOwnInstancesTokenMayListAndRetry()
    {
        // Arrange
        await ActivateRoutingAsync();
        var message = await FailedMessageAsync();
        var otherToken = await CreateInstanceAsync("vendas");
        using var otherInstance = Api.CreateClientWithToken(otherToken);
        using var ownInstance = Api.CreateClientWithToken(InstanceToken);

        // Act
        using var refused = await ListAsync(client: otherInstance);
        using var refusedRetry = await RetryAsync(new { }, otherInstance);
        var listed = await ListOkAsync(client: ownInstance);
        var retried = await RetryOkAsync(new { }, ownInstance);

        // Assert
        await refused.AssertErrorAsync(HttpStatusCode.Forbidden, "Instance token does not match the requested instance");
        await refusedRetry.AssertErrorAsync(HttpStatusCode.Forbidden, "Instance token does not match the requested instance");
        Assert.That(listed["deliveries"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(Ids(retried, "requeued"), Has.Length.EqualTo(1));
        await WaitForChatwootMessageAsync(message.Id);
    }

    [Test]
    public async Task InstanceWithoutIntegration_Is404NoIntegration()
    {
        // Arrange
        await CreateInstanceAsync("vendas");

        // Act
        using var list = await ListAsync(instance: "vendas");
        using var retry = await RetryAsync(new { }, instance: "vendas");

        // Assert
        await list.AssertErrorAsync(HttpStatusCode.NotFound, "no chatwoot integration for this instance");
        await retry.AssertErrorAsync(HttpStatusCode.NotFound, "no chatwoot integration for this instance");
    }
}
