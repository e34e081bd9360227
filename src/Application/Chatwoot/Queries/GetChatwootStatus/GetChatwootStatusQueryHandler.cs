using RyzeApi.Application.Common;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Chatwoot.Queries.GetChatwootStatus;

public sealed class GetChatwootStatusQueryHandler(
    InstanceResolver instances,
    IChatwootIntegrationRepository integrations,
    ITokenProtector protector,
    ChatwootLiveCheck liveCheck,
    IInstanceSessions sessions,
    IDeliveryRepository deliveries)
    : IQueryHandler<GetChatwootStatusQuery, ChatwootStatusDto>
{
    public async ValueTask<ChatwootStatusDto> Handle(GetChatwootStatusQuery query, CancellationToken cancellationToken)
    {
        var instance = await instances.ResolveAsync(query.Caller, query.Instance, "instance not found", cancellationToken);
        var stored = await integrations.FindByInstanceAsync(instance.Id, cancellationToken)
            ?? throw new NotFoundException("no chatwoot integration for this instance");
        var integration = stored.Integration;
        var token = protector.Unprotect(stored.ApiToken, integration.Id);

        var (status, lastError) = await liveCheck.RefreshAsync(integration, token, cancellationToken);
        var session = await sessions.FindAsync(instance.Id, cancellationToken);
        var counts = await deliveries.CountAsync(integration.Id, cancellationToken);

        // A session that needs the user (logged out, banned) is shown as the error even if a delivery that
        // succeeded meanwhile cleared the stored one; an error of the integration's own stays first.
        if (session is not null && WhatsAppSession.ProblemOf(session.State) is { } problem && status != IntegrationStatus.Error)
        {
            (status, lastError) = (IntegrationStatus.Error, problem);
        }

        return new ChatwootStatusDto(
            instance.Name, status, integration.Id, integration.BaseUrl, integration.AccountId, token,
            integration.InboxId, integration.InboxName, lastError, integration.CreatedAt, integration.Settings, session, counts);
    }
}
