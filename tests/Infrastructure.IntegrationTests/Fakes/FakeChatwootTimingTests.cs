using RyzeApi.Testing.Chatwoot;

namespace RyzeApi.Infrastructure.IntegrationTests.Fakes;

/// <summary>The fake Chatwoot notes how long it took over each request, so bench/routing can subtract the fake's own
/// time from a call's (the activation's inbox creation).</summary>
public sealed class FakeChatwootTimingTests
{
    [Test]
    public async Task HandledIn_CoversTheFakesOwnWork_AScriptedDelayIncluded()
    {
        // Arrange
        await using var chatwoot = await FakeChatwoot.StartAsync();
        chatwoot.AddAccount(1, "admin-token");
        var delay = TimeSpan.FromMilliseconds(300);
        chatwoot.Script(FakeFault.Slow(delay), matching: r => r.Method == "GET");
        using var client = new HttpClient { BaseAddress = chatwoot.BaseUri };
        client.DefaultRequestHeaders.Add("api_access_token", "admin-token");

        // Act
        using var slow = await client.GetAsync("/api/v1/accounts/1/inboxes");
        using var plain = await client.GetAsync("/api/v1/accounts/1/inboxes");
        var requests = await AnsweredAsync(chatwoot, 2);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(slow.IsSuccessStatusCode && plain.IsSuccessStatusCode, Is.True);
            Assert.That(requests[0].HandledIn, Is.GreaterThanOrEqualTo(delay - TimeSpan.FromMilliseconds(20)));
            Assert.That(requests[1].HandledIn, Is.Not.Null);
        });
    }

    // The fake notes the time once its answer is written, which the client may have read a moment before.
    private static async Task<IReadOnlyList<RecordedRequest>> AnsweredAsync(FakeChatwoot chatwoot, int count)
    {
        for (var i = 0; i < 100 && chatwoot.Requests.Take(count).Any(r => r.HandledIn is null); i++)
        {
            await Task.Delay(10);
        }

        return chatwoot.Requests;
    }
}
