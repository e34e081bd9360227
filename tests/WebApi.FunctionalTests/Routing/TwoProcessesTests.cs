namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/architecture.md: several API processes share the work through the database and never deliver the same message
/// twice, nor split a chat between them (order kept, one contact per chat).</summary>
[NonParallelizable]
public sealed class TwoProcessesTests : ApiProcessTestBase
{
    [Test]
    public async Task TwoApiProcessesOnOneDatabase_TwoThousandEvents_EachDeliveredExactlyOnce()
    {
        // Arrange
        var one = await StartApiAsync(FreeBaseUrl());
        var two = await StartApiAsync(FreeBaseUrl());
        await ActivateAsync(one);
        var chats = Conversations(chats: 40, perChat: 50);

        // Act: each chat's messages in order, alternately to one process and the other; chats side by side.
        using var first = one.CreateClient();
        using var second = two.CreateClient();
        using var concurrency = new SemaphoreSlim(8);
        await Task.WhenAll(chats.Select(chat => Task.Run(async () =>
        {
            await concurrency.WaitAsync();
            try
            {
                for (var i = 0; i < chat.Count; i++)
                {
                    await PostEventAsync(i % 2 == 0 ? first : second, chat[i].ToJson());
                }
            }
            finally
            {
                concurrency.Release();
            }
        })));

        // Assert
        await AssertEachDeliveredOnceInOrderAsync(chats, TimeSpan.FromMinutes(5));
        Assert.That(Chatwoot.Conversations, Has.Count.EqualTo(chats.Count), "one conversation per chat");
        var processes = await Database.ScalarAsync<long>(
            "SELECT count(DISTINCT split_part(leased_by, '/', 2)) FROM outbox WHERE status = 'done' AND kind = 'whatsapp_message'");
        Assert.That(processes, Is.EqualTo(2), "both processes delivered");
    }
}
