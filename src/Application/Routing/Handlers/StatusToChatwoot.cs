using RyzeApi.Application.Outbox;
using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Handlers;

/// <summary>Shows a WhatsApp delivery report on its Chatwoot message (sent, delivered, read, failed).</summary>
public sealed class StatusToChatwoot(IChatwootMessaging chatwoot, IRoutingRepository routing, IOptions<RoutingOptions> options)
    : IDeliveryHandler<MessageStatusChange>
{
    /// <summary>A report may arrive before the send that produced its message id is recorded; it waits this many attempts.</summary>
    public const int AttemptsForUnknownMessage = 3;

    private readonly int _lastAttempt = Math.Min(options.Value.MaxAttempts, AttemptsForUnknownMessage + 2);

    /// <summary>A report never waits long: it is given up soon after it stops waiting for its message.</summary>
    public int MaxAttempts(int configured) => Math.Min(configured, AttemptsForUnknownMessage + 2);


    public async Task<DeliveryOutcome> DeliverAsync(DeliveryContext context, Claimed<MessageStatusChange> item, CancellationToken cancellationToken)
    {
        var (change, attempt) = (item.Delivery, item.Attempts);
        long messageId;
        long conversationId;
        if (change is { ChatwootMessageId: { } directMessage, ConversationId: { } directConversation })
        {
            (messageId, conversationId) = (directMessage, directConversation);
        }
        else if (await routing.FindLinkAsync(context.Integration.Id, change.WhatsAppId, cancellationToken) is { } link)
        {
            (messageId, conversationId) = (link.ChatwootMessageId, link.ChatwootConversationId);
        }
        else
        {
            return attempt < AttemptsForUnknownMessage
                ? new DeliveryOutcome.Wait($"no Chatwoot message is known yet for WhatsApp message {change.WhatsAppId}")
                : new DeliveryOutcome.Skipped($"no Chatwoot message is known for WhatsApp message {change.WhatsAppId}");
        }

        // A queued "sent" (our own tick when Chatwoot did not take it at once, or the engine's) may come after the
        // engine's "delivered" or "read" was shown: that report can arrive before the send is recorded and go first in
        // the lane. The later status is set again instead, since the tick given up on time may still have reached
        // Chatwoot after it; a "failed" (with the engine's reason) is left as it is.
        if (change is { ChatwootStatus: "sent", WhatsAppId.Length: > 0 }
            && await routing.LatestReportShownAsync(context.Integration.Id, change.WhatsAppId, cancellationToken) is { } latest)
        {
            if (latest == "failed")
            {
                return new DeliveryOutcome.Skipped($"WhatsApp message {change.WhatsAppId} was already reported failed");
            }

            change = change with { ChatwootStatus = latest, Error = null };
        }

        await chatwoot.UpdateMessageStatusAsync(context.Chatwoot, conversationId, messageId, change.ChatwootStatus, change.Error, cancellationToken);

        // The tick given up at once was sent to Chatwoot, which may still apply it, later than any report. Until its
        // last attempt (at least 7.5 × RetryBaseDelay after the first, with five) the queued tick sets the furthest
        // status again and holds the message's lane, so a later report also lands after it (docs/adr/0030-a-queued-tick-outlasts-the-one-given-up.md).
        return IsQueuedTick(item.Delivery) && attempt < _lastAttempt
            ? new DeliveryOutcome.Wait($"the sent tick given up at once may still reach Chatwoot; {change.ChatwootStatus} is set again until attempt {_lastAttempt}")
            : new DeliveryOutcome.Delivered(null, null);
    }

    /// <summary>Our own <c>sent</c> tick, queued because Chatwoot did not take it at once: it names the Chatwoot message
    /// (an engine's report does not) and the WhatsApp id (a refused send has none).</summary>
    private static bool IsQueuedTick(MessageStatusChange change) =>
        change is { ChatwootStatus: "sent", ChatwootMessageId: not null, WhatsAppId.Length: > 0 };
}
