namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/api/en/chatwoot-deliveries.md: a wrong query parameter or body field is a 400 in the envelope naming it.</summary>
public sealed class DeliveryValidationTests : DeliveryApiTestBase
{
    [TestCase("?state=done", "invalid query: state \"done\" is not a delivery state - use pending, failed or delivered, or leave it out for failed")]
    [TestCase("?limit=0", "invalid query: limit \"0\" is not a whole number from 1 to 200 - leave it out for 50")]
    [TestCase("?limit=201", "invalid query: limit \"201\" is not a whole number from 1 to 200 - leave it out for 50")]
    [TestCase("?limit=abc", "invalid query: limit \"abc\" is not a whole number from 1 to 200 - leave it out for 50")]
    [TestCase("?cursor=-5", "invalid query: cursor \"-5\" is not a cursor of this list - send the next_cursor of the previous page, or leave it out for the first page")]
    [TestCase("?state=FAILED&limit=1.5", "invalid query: state \"FAILED\" is not a delivery state - use pending, failed or delivered, or leave it out for failed; limit \"1.5\" is not a whole number from 1 to 200 - leave it out for 50")]
    public async Task WrongQueryParameter_Is400NamingIt(string query, string message)
    {
        // Arrange
        await ActivateRoutingAsync();

        // Act
        using var response = await ListAsync(query);

        // Assert
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, message);
    }

    [Test]
    public async Task WrongIds_Are400NamingThem()
    {
        // Arrange
        await ActivateRoutingAsync();

        // Act
        using var empty = await RetryAsync(new { ids = Array.Empty<long>() });
        using var zero = await RetryAsync(new { ids = new long[] { 7, 0 } });
        using var many = await RetryAsync(new { ids = Enumerable.Range(1, 101).ToArray() });
        using var text = await RetryAsync(new { ids = new[] { "7" } });

        // Assert
        await empty.AssertErrorAsync(HttpStatusCode.BadRequest,
            "invalid body: ids is empty - list the ids of the failed deliveries to retry, or leave ids out to retry every failed delivery");
        await zero.AssertErrorAsync(HttpStatusCode.BadRequest,
            "invalid body: ids[1] is 0 - a delivery id is a positive integer, as the list of deliveries shows it");
        await many.AssertErrorAsync(HttpStatusCode.BadRequest,
            "invalid body: ids has 101 entries, at most 100 - retry in several calls, or leave ids out to retry every failed delivery");
        await text.AssertErrorStartsWithAsync(HttpStatusCode.BadRequest, "invalid body: ");
    }

    [Test]
    public async Task NothingFailed_RetryAll_RequeuesNothing()
    {
        // Arrange
        await ActivateRoutingAsync();
        await ContactWritesAsync();
        await SettledAsync();

        // Act
        var answer = await RetryOkAsync(new { });

        // Assert
        Assert.That(answer.Text("message"), Is.EqualTo("0 deliveries requeued"));
        Assert.That(Ids(answer, "requeued"), Is.Empty);
        Assert.That(Ids(answer, "skipped"), Is.Empty);
    }
}
