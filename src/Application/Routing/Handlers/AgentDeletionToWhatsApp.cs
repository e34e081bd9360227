using RyzeApi.Application.Outbox;
using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Handlers;

/// <summary>Revokes for everyone in WhatsApp what RyzeApi sent of a message an agent deleted in Chatwoot (every
/// attachment of it). When WhatsApp refuses (too old, unknown to the engine), a private note in the conversation
/// tells the agents the customer still sees it.</summary>
public sealed class AgentDeletionToWhatsApp(IEngineClient engine, IChatwootMessaging chatwoot, IMessageLinks links) : IDeliveryHandler<AgentDeletion>
{
    public const string RefusedNote = "⚠️ This message was deleted in Chatwoot, but WhatsApp did not delete it for the customer: {0}";

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryContext context, Claimed<AgentDeletion> item, CancellationToken cancellationToken)
    {
        var deletion = item.Delivery;
        var sent = (await links.OfChatwootMessageAsync(context.Integration.Id, deletion.ChatwootMessageId, cancellationToken))
            .Where(l => l.Direction == MessageDirection.ToWhatsApp)
            .ToList();
        if (sent.Count == 0)
        {
            return new DeliveryOutcome.Skipped($"Chatwoot message {deletion.ChatwootMessageId} was never sent to WhatsApp");
        }

        var refusals = new List<string>();
        foreach (var link in sent)
        {
            try
            {
                await engine.DeleteForEveryoneAsync(context.InstanceName, link.WhatsAppId, cancellationToken);
            }
            catch (EngineRejectedException exception)
            {
                refusals.Add(exception.Message);
            }
        }

        if (refusals.Count == 0)
        {
            return new DeliveryOutcome.Delivered(null, null);
        }

        var reason = string.Join("; ", refusals.Distinct(StringComparer.Ordinal));
        var note = new ChatwootNewMessage(string.Format(System.Globalization.CultureInfo.InvariantCulture, RefusedNote, reason), "outgoing", true, null, []);
        await chatwoot.CreateMessageAsync(context.Chatwoot, deletion.ConversationId, note, cancellationToken);
        return new DeliveryOutcome.Delivered(null, null);
    }
}
