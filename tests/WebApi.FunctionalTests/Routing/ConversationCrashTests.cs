using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>docs/architecture.md "Exactly once": the API process killed outright between Chatwoot saving a new
/// conversation and RyzeApi recording it. After the restart the delivery is leased again and finds that conversation
/// among the contact's: one conversation per chat, every message once.</summary>
[NonParallelizable]
public sealed class ConversationCrashTests : ApiProcessTestBase
{
    [Test]
    public async Task ApiKilledAfterChatwootSavedTheConversation_AfterRestartTheChatHasOneConversationAndEachMessageOnce()
    {
        // Arrange: Chatwoot saves every new conversation at once but holds its answer back
        var baseUrl = FreeBaseUrl();
        var first = await StartApiAsync(baseUrl);
        await ActivateAsync(first);
        Chatwoot.ScriptAlways(FakeFault.SavedButAnsweredLate(TimeSpan.FromMinutes(1)), IsConversationCreate);
        var chats = Conversations(chats: 3, perChat: 4);
        using (var client = first.CreateClient())
        {
            foreach (var message in chats.SelectMany(c => c))
            {
                await PostEventAsync(client, message.ToJson());
            }
        }

        await Eventually.UntilAsync(() => Chatwoot.Conversations.Count == chats.Count, "Chatwoot saved each chat's conversation");

        // Act
        first.Kill();
        Chatwoot.ClearScripts();
        await StartApiAsync(baseUrl);

        // Assert
        await AssertEachDeliveredOnceInOrderAsync(chats, TimeSpan.FromMinutes(2));
        Assert.That(Chatwoot.Conversations, Has.Count.EqualTo(chats.Count), "one conversation per chat");
        Assert.That(Chatwoot.Conversations.Select(c => c.ContactId).Distinct().Count(), Is.EqualTo(chats.Count));
    }

    private static bool IsConversationCreate(RecordedRequest request) =>
        request.Method == "POST" && request.Path.EndsWith("/conversations", StringComparison.Ordinal);
}
