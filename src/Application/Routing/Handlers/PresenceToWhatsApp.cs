using RyzeApi.Application.Outbox;
using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Handlers;

/// <summary>Shows an agent's typing to the customer (WhatsApp presence). Best effort: one attempt, a failure is
/// skipped (it says nothing a later message would not), and a "typing" that waited past its duration is not sent.</summary>
public sealed class PresenceToWhatsApp(IEngineClient engine, TimeProvider time) : IDeliveryHandler<ChatPresence>
{
    public int MaxAttempts(int configured) => 1;

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryContext context, Claimed<ChatPresence> item, CancellationToken cancellationToken)
    {
        var presence = item.Delivery;
        if (presence.Typing && time.GetUtcNow() - presence.At > TimeSpan.FromSeconds(ChatPresence.TypingSeconds))
        {
            return new DeliveryOutcome.Skipped("the agent's typing is over by now");
        }

        try
        {
            await engine.SendPresenceAsync(context.InstanceName, item.Chat?.ReplyJid ?? presence.ChatJid, presence.Typing, ChatPresence.TypingSeconds, cancellationToken);
            return new DeliveryOutcome.Delivered(null, null);
        }
        catch (ApplicationFailure failure)
        {
            return new DeliveryOutcome.Skipped("presence not shown (best effort): " + failure.Message);
        }
    }
}
