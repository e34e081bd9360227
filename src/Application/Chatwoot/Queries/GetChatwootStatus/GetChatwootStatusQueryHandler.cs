using RyzeApi.Application.Common;

namespace RyzeApi.Application.Chatwoot.Queries.GetChatwootStatus;

public sealed class GetChatwootStatusQueryHandler(
    InstanceResolver instances,
    IChatwootIntegrationRepository integrations,
    ITokenProtector protector,
    ChatwootLiveCheck liveCheck)
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

        return new ChatwootStatusDto(
            instance.Name, status, integration.Id, integration.BaseUrl, integration.AccountId, token,
            integration.InboxId, integration.InboxName, lastError, integration.CreatedAt, integration.Settings);
    }
}
