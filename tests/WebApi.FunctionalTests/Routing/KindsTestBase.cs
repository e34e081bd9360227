using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>Tests of the kinds of WhatsApp message that refer to an earlier one (quotes, reactions, votes, edits,
/// deletions): the customer's earlier message, in WhatsApp and in Chatwoot.</summary>
public abstract class KindsTestBase : RoutingTestBase
{
    protected async Task<(string WhatsAppId, FakeMessage Chatwoot)> CustomerWritesAsync(string text)
    {
        var message = EngineEvents.Text(ContactJid, text, "João");
        await PostEventExpectingAsync(message.ToJson());
        return (message.Id, await WaitForChatwootMessageAsync(message.Id));
    }
}
