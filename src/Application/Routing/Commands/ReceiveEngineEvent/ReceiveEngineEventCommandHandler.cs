using RyzeApi.Application.Common;
using RyzeApi.Application.Routing.Ingress;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Commands.ReceiveEngineEvent;

/// <summary>Records a message or a status report in the outbox and returns: delivery happens in the
/// background, so the engine is answered as soon as the event is durable.</summary>
public sealed class ReceiveEngineEventCommandHandler(
    IRoutingIntegrations integrations, IOutbox outbox, IOutboxSignal signal, IInstanceSessions sessions, ILogger<ReceiveEngineEventCommandHandler> logger)
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

        if (parsed.SessionState is { } state)
        {
            return await RecordSessionAsync(target.Instance, state, cancellationToken);
        }

        bool recorded;
        if (parsed.Message is { } message)
        {
            if (message.IsGroup && target.IgnoreGroups)
            {
                return IngressResult.NotRouted("group chats are ignored (ignoreGroups)");
            }

            recorded = await outbox.EnqueueAsync(integrationId, InlineMedia.SetApart(message), cancellationToken);
        }
        else
        {
            recorded = await outbox.EnqueueAsync(integrationId, parsed.Status!, cancellationToken);
        }

        if (!recorded)
        {
            return IngressResult.AlreadyRecorded();
        }

        signal.Notify();
        return IngressResult.Recorded();
    }

    /// <summary>Kept at once, not queued: the state is what later deliveries go by, and <c>connected</c> lets the
    /// replies waiting for it go now.</summary>
    private async Task<IngressResult> RecordSessionAsync(InstanceRecord instance, string state, CancellationToken cancellationToken)
    {
        var (session, released) = await sessions.RecordAsync(instance.Id, state, cancellationToken);
        logger.LogInformation("The WhatsApp session of {Instance} is {State} since {Since:O}; {Released} waiting deliveries made due",
            instance.Name, session.State, session.Since, released);
        if (released > 0)
        {
            signal.Notify();
        }

        return IngressResult.Recorded();
    }
}
