using RyzeApi.Application.Outbox;
using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Handlers;

/// <summary>Marks the customer's chat read after an agent's reply. Best effort, like presence: one attempt, a failure
/// is skipped (the next reply marks it again) and never changes the integration's health.</summary>
public sealed class ChatReadToWhatsApp(IEngineClient engine) : IDeliveryHandler<ChatReadMark>
{
    public int MaxAttempts(int configured) => 1;

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryContext context, Claimed<ChatReadMark> item, CancellationToken cancellationToken)
    {
        try
        {
            await engine.MarkChatReadAsync(context.InstanceName, item.Chat?.ReplyJid ?? item.Delivery.ChatJid, cancellationToken);
            return new DeliveryOutcome.Delivered(null, null);
        }
        catch (ApplicationFailure failure)
        {
            return new DeliveryOutcome.Skipped("chat not marked read (best effort): " + failure.Message);
        }
    }
}
