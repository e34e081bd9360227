using System.Text.Json;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Exceptions;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Delivery;

/// <summary>Sends an agent's reply to its WhatsApp chat through the engine: the text (signed with the
/// agent's name in bold when <c>signMessages</c>) and each attachment as media. The engine's answer
/// becomes a "sent" tick on the Chatwoot message; a refusal marks it failed with the engine's reason.</summary>
public sealed class AgentReplyToWhatsApp(IEngineClient engine)
{
    private readonly IEngineClient _engine = engine;

    public async Task<DeliveryOutcome> DeliverAsync(DeliveryContext context, AgentReply reply, CancellationToken cancellationToken)
    {
        var text = Text(context, reply);
        string? firstId = null;
        try
        {
            if (reply.Attachments.Count == 0)
            {
                firstId = await _engine.SendTextAsync(context.InstanceName, reply.ChatJid, text ?? string.Empty, cancellationToken);
            }
            else
            {
                for (var i = 0; i < reply.Attachments.Count; i++)
                {
                    var attachment = reply.Attachments[i];
                    var media = new EngineMedia(
                        reply.ChatJid, MediaNames.EngineMediaType(attachment.FileType), attachment.Url, i == 0 ? text : null, null, attachment.FileName);
                    var id = await _engine.SendMediaAsync(context.InstanceName, media, cancellationToken);
                    firstId ??= id;
                }
            }
        }
        catch (EngineRejectedException exception)
        {
            var failed = new MessageStatusChange(string.Empty, "failed", exception.Message, reply.ChatwootMessageId, reply.ConversationId);
            return new DeliveryOutcome.Permanent(
                $"the engine refused the message: {exception.Message}", StatusItem(context, reply, failed, "status:cw" + reply.ChatwootMessageId));
        }

        if (string.IsNullOrEmpty(firstId))
        {
            return new DeliveryOutcome.Permanent("the engine accepted the message but returned no message id", null);
        }

        var link = new MessageLink(context.Integration.Id, firstId, reply.ChatwootMessageId, reply.ConversationId, MessageLink.ToWhatsApp);
        var sent = new MessageStatusChange(firstId, "sent", null, reply.ChatwootMessageId, reply.ConversationId);
        // In the lane of the engine's own reports for this WhatsApp id, recorded with the link: a "delivered" or
        // "read" that arrives later queues behind this "sent" instead of racing it and being overwritten.
        return new DeliveryOutcome.Delivered(link, StatusItem(context, reply, sent, "status:" + firstId));
    }

    private static string? Text(DeliveryContext context, AgentReply reply)
    {
        if (string.IsNullOrEmpty(reply.Content))
        {
            return null;
        }

        return context.Integration.Settings.SignMessages && !string.IsNullOrWhiteSpace(reply.AgentName)
            ? $"*{reply.AgentName}*:\n{reply.Content}"
            : reply.Content;
    }

    private static NewOutboxItem StatusItem(DeliveryContext context, AgentReply reply, MessageStatusChange change, string chatKey) =>
        new(context.Integration.Id, OutboxKind.MessageStatus, chatKey,
            $"st:cw{reply.ChatwootMessageId}:{change.ChatwootStatus}", JsonSerializer.Serialize(change));
}
