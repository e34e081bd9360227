using RyzeApi.Application.Outbox;
using RyzeApi.Application.Routing.Delivery;
using RyzeApi.Application.Routing.Formatting;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Handlers;

/// <summary>Sends an agent's reply to its WhatsApp chat through the engine: the text (signed with the
/// agent's name in bold when <c>signMessages</c>) or its attachment as media, quoting the message the agent quoted.
/// The engine's answer becomes a "sent" tick on the Chatwoot message; a refusal marks it failed with the engine's reason.
/// The tick is set at once, before the outcome is recorded; only when that does not work at once is it queued.
/// With <c>markReadOnReply</c>, the chat is then marked read (<see cref="ChatReadMark"/>).</summary>
public sealed class AgentReplyToWhatsApp(
    IEngineClient engine, IChatwootMessaging chatwoot, IMessageLinks links, IOutbox outbox, IOptions<RoutingOptions> options,
    ILogger<AgentReplyToWhatsApp> logger)
    : IDeliveryHandler<AgentReply>
{
    // Chatwoot answers a status PATCH in well under half a second. One that takes longer is given up and queued, for two
    // reasons: a report from the engine about this message that arrives meanwhile finds no link and waits for it
    // (StatusToChatwoot) at least 1.5 × RetryBaseDelay over its attempts, so the tick must end well within that; and
    // the longer it takes, the likelier such a report is to be queued ahead of the tick (which then sets the report's status again).
    private readonly TimeSpan _tickBudget = TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerMillisecond * 500, options.Value.RetryBaseDelay.Ticks / 2));

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryContext context, Claimed<AgentReply> item, CancellationToken cancellationToken)
    {
        var reply = item.Delivery;
        // The person's phone JID once known; the chat's key (often the LID) until then.
        var number = item.Chat?.ReplyJid ?? reply.ChatJid;
        var text = Text(context, reply);
        var quoted = await QuotedIdAsync(context, reply, cancellationToken);
        string? firstId;
        try
        {
            try
            {
                firstId = await SendAsync(context, reply, number, text, quoted, cancellationToken);
            }
            catch (EngineRejectedException exception) when (quoted is not null)
            {
                // The engine may not know the quoted message (older than what it keeps): the reply matters more than its quote.
                logger.LogInformation("Chatwoot message {MessageId} is sent again without its quote: {Reason}", reply.ChatwootMessageId, exception.Message);
                firstId = await SendAsync(context, reply, number, text, null, cancellationToken);
            }
        }
        catch (EngineRejectedException exception)
        {
            var failed = new MessageStatusChange(string.Empty, "failed", exception.Message, reply.ChatwootMessageId, reply.ConversationId);
            return new DeliveryOutcome.Permanent(
                $"the engine refused the message: {exception.Message}",
                await TickAsync(context, reply, failed, cancellationToken));
        }
        catch (EngineAnswerUnreadableException exception)
        {
            // The send may have reached WhatsApp: a retry could deliver it twice. No tick either way: whether it went is unknown.
            return new DeliveryOutcome.Permanent($"the engine accepted the message but its answer is unreadable; not sent again, to avoid a duplicate: {exception.Message}", null, MayHaveArrived: true);
        }

        if (string.IsNullOrEmpty(firstId))
        {
            return new DeliveryOutcome.Permanent("the engine accepted the message but returned no message id", null, MayHaveArrived: true);
        }

        var link = new MessageLink(context.Integration.Id, firstId, reply.ChatwootMessageId, reply.ConversationId, MessageDirection.ToWhatsApp);
        if (!reply.IsFirstPart)
        {
            // A later attachment of a split message: the message's tick and read mark went with its first part.
            return new DeliveryOutcome.Delivered(link, null);
        }

        var sent = new MessageStatusChange(firstId, "sent", null, reply.ChatwootMessageId, reply.ConversationId);
        // Order against the engine's own reports ("delivered", "read") for this WhatsApp id: they find the message
        // only through the link, recorded after this returns, so the "sent" set here lands first; if it has to be
        // queued instead, it goes in the lane of those reports, recorded with the link, and they queue behind it.
        var queuedTick = await TickAsync(context, reply, sent, cancellationToken);
        return new DeliveryOutcome.Delivered(link, await FollowUpAsync(context, reply, queuedTick, cancellationToken));
    }

    private async Task<string?> SendAsync(
        DeliveryContext context, AgentReply reply, string number, string? text, string? quoted, CancellationToken cancellationToken)
    {
        if (reply.Attachments.Count == 0)
        {
            return quoted is null
                ? await engine.SendTextAsync(context.InstanceName, number, text ?? string.Empty, cancellationToken)
                : await engine.SendTextAsync(context.InstanceName, number, text ?? string.Empty, quoted, cancellationToken);
        }

        // One attachment per reply since replies are split at ingress; rows recorded before that may hold several.
        string? firstId = null;
        for (var i = 0; i < reply.Attachments.Count; i++)
        {
            var attachment = reply.Attachments[i];
            var media = new EngineMedia(
                number, MediaNames.EngineMediaType(attachment.FileType), attachment.Url, i == 0 ? text : null, null, attachment.FileName,
                i == 0 ? quoted : null);
            var id = await engine.SendMediaAsync(context.InstanceName, media, cancellationToken);
            firstId ??= id;
        }

        return firstId;
    }

    /// <summary>The WhatsApp id of the quoted message: given by Chatwoot (a customer's message), else the first
    /// WhatsApp message the quoted Chatwoot message became (an earlier agent reply). Null: no quote, or none known.</summary>
    private async Task<string?> QuotedIdAsync(DeliveryContext context, AgentReply reply, CancellationToken cancellationToken)
    {
        if (!reply.IsFirstPart)
        {
            return null;
        }

        if (reply.QuotedWhatsAppId is { } quoted)
        {
            return quoted;
        }

        return reply.QuotedChatwootMessageId is { } chatwootId
            && await links.OfChatwootMessageAsync(context.Integration.Id, chatwootId, cancellationToken) is [var first, ..]
            ? first.WhatsAppId
            : null;
    }

    /// <summary>What to record with the completion: the queued tick, if any, and the read mark. A completion holds one
    /// follow-up; when the tick takes it (Chatwoot was slow), the read mark is recorded on its own, best effort.</summary>
    private async Task<NewOutboxItem?> FollowUpAsync(
        DeliveryContext context, AgentReply reply, NewOutboxItem? queuedTick, CancellationToken cancellationToken)
    {
        if (!context.Integration.Settings.MarkReadOnReply)
        {
            return queuedTick;
        }

        var mark = new ChatReadMark(reply.ChatJid, reply.ChatwootMessageId);
        if (queuedTick is null)
        {
            return NewOutboxItem.For(context.Integration.Id, mark);
        }

        try
        {
            await outbox.EnqueueAsync(context.Integration.Id, mark, cancellationToken);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogDebug("The chat of Chatwoot message {MessageId} is not marked read: {Reason}", reply.ChatwootMessageId, exception.GetType().Name);
        }

        return queuedTick;
    }

    /// <summary>Sets the status on the Chatwoot message now (no outbox row, claim or completion of its own:
    /// half of an agent reply's database work); when Chatwoot does not take it at once, returns it as work to queue.</summary>
    private async Task<NewOutboxItem?> TickAsync(
        DeliveryContext context, AgentReply reply, MessageStatusChange change, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_tickBudget);
        try
        {
            await chatwoot.UpdateMessageStatusAsync(
                context.Chatwoot, reply.ConversationId, reply.ChatwootMessageId, change.ChatwootStatus, change.Error, budget.Token);
            return null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Whatever went wrong (Chatwoot slow or down, the token revoked, the process stopping), the message went
            // to WhatsApp and must not be sent again: the queued tick retries and reports Chatwoot's health.
            logger.LogDebug("The {Status} tick for Chatwoot message {MessageId} is queued: {Reason}",
                change.ChatwootStatus, reply.ChatwootMessageId, budget.IsCancellationRequested ? "no answer in time" : exception.GetType().Name);
            // In the lane of the engine's reports for the WhatsApp id when there is one (a later "delivered" or "read"
            // queues behind it); a send the engine refused has none, and goes in the Chatwoot message's own lane.
            return NewOutboxItem.For(context.Integration.Id, change);
        }
    }

    /// <summary>The <c>failed</c> tick for a reply whose retries ran out: the agent sees it was not sent, and why (the
    /// last error, cut short); the whole of it stays in the outbox row and the integration's <c>last_error</c>.</summary>
    public NewOutboxItem WhenGivenUp(Claimed<AgentReply> item, string lastError)
    {
        var reply = item.Delivery;
        var reason = $"Not sent to WhatsApp after {item.Attempts} attempts: {ShortReason.Of(lastError)}";
        var failed = new MessageStatusChange(string.Empty, "failed", reason, reply.ChatwootMessageId, reply.ConversationId);
        return NewOutboxItem.For(item.IntegrationId, failed);
    }

    private static string? Text(DeliveryContext context, AgentReply reply)
    {
        if (string.IsNullOrEmpty(reply.Content))
        {
            return null;
        }

        var content = MessageFormatting.ToWhatsApp(reply.Content);
        return context.Integration.Settings.SignMessages && !string.IsNullOrWhiteSpace(reply.AgentName)
            ? $"*{reply.AgentName}*:\n{content}"
            : content;
    }
}
