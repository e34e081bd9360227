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
    InstanceResolver instances, IChatwootIntegrationRepository integrations, IOutbox outbox, IOutboxSignal signal)
    : ICommandHandler<ReceiveEngineEventCommand, IngressResult>
{
    private readonly InstanceResolver _instances = instances;
    private readonly IChatwootIntegrationRepository _integrations = integrations;
    private readonly IOutbox _outbox = outbox;
    private readonly IOutboxSignal _signal = signal;

    public async ValueTask<IngressResult> Handle(ReceiveEngineEventCommand command, CancellationToken cancellationToken)
    {
        var parsed = EngineEventParser.Parse(command.Body, command.EventFromPath);
        var instance = await _instances.ResolveAsync(command.Caller, command.Instance, "instance not found", cancellationToken);
        var stored = await _integrations.FindByInstanceAsync(instance.Id, cancellationToken)
            ?? throw new NotFoundException("no chatwoot integration for this instance");
        var integration = stored.Integration;
        if (parsed.IgnoredBecause is { } reason)
        {
            return IngressResult.NotRouted(reason);
        }

        NewOutboxItem item;
        if (parsed.Message is { } message)
        {
            if (message.IsGroup && integration.Settings.IgnoreGroups)
            {
                return IngressResult.NotRouted("group chats are ignored (ignoreGroups)");
            }

            item = new NewOutboxItem(integration.Id, OutboxKind.WhatsAppMessage, "in:" + message.ChatJid, "wa:" + message.Id,
                JsonSerializer.Serialize(message));
        }
        else
        {
            var status = parsed.Status!;
            // Statuses of one message stay in order (sent before delivered before read).
            item = new NewOutboxItem(integration.Id, OutboxKind.MessageStatus, "status:" + status.WhatsAppId,
                $"st:{status.WhatsAppId}:{status.ChatwootStatus}", JsonSerializer.Serialize(status));
        }

        if (!await _outbox.EnqueueAsync(item, cancellationToken))
        {
            return IngressResult.AlreadyRecorded();
        }

        _signal.Notify();
        return IngressResult.Recorded();
    }
}
