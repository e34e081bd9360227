using System.Text.Json;
using Mediator;
using RyzeApi.Application.Common;
using RyzeApi.Application.Common.Abstractions;
using RyzeApi.Application.Common.Exceptions;
using RyzeApi.Application.Routing.Ingress;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Commands.ReceiveEngineEvent;

/// <summary>Records a message or a status report in the outbox and returns: delivery happens in the
/// background, so the engine is answered as soon as the event is durable.</summary>
public sealed class ReceiveEngineEventCommandHandler(
    IRoutingIntegrations integrations, IOutbox outbox, IOutboxSignal signal)
    : ICommandHandler<ReceiveEngineEventCommand, IngressResult>
{
    public async ValueTask<IngressResult> Handle(ReceiveEngineEventCommand command, CancellationToken cancellationToken)
    {
        InstanceResolver.EnsureValidPathName(command.Instance);
        var parsed = EngineEventParser.Parse(command.Body, command.EventFromPath);
        // The instance and its integration in one round trip: this runs for every WhatsApp message.
        var target = await integrations.FindEngineEventTargetAsync(command.Instance, cancellationToken);
        InstanceResolver.EnsureVisible(command.Caller, target?.Instance, "instance not found");
        var integrationId = target!.IntegrationId ?? throw new NotFoundException("no chatwoot integration for this instance");
        if (parsed.IgnoredBecause is { } reason)
        {
            return IngressResult.NotRouted(reason);
        }

        NewOutboxItem item;
        if (parsed.Message is { } message)
        {
            if (message.IsGroup && target.IgnoreGroups)
            {
                return IngressResult.NotRouted("group chats are ignored (ignoreGroups)");
            }

            item = new NewOutboxItem(integrationId, OutboxKind.WhatsAppMessage, "in:" + message.ChatJid, "wa:" + message.Id,
                JsonSerializer.Serialize(message));
        }
        else
        {
            var status = parsed.Status!;
            // Statuses of one message stay in order (sent before delivered before read).
            item = new NewOutboxItem(integrationId, OutboxKind.MessageStatus, OutboxKeys.StatusLane(status.WhatsAppId),
                OutboxKeys.StatusDedupe(status.WhatsAppId, status.ChatwootStatus), JsonSerializer.Serialize(status));
        }

        if (!await outbox.EnqueueAsync(item, cancellationToken))
        {
            return IngressResult.AlreadyRecorded();
        }

        signal.Notify();
        return IngressResult.Recorded();
    }
}
