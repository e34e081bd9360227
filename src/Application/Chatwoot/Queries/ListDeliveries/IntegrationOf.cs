using RyzeApi.Application.Common;
using RyzeApi.Application.Common.Security;

namespace RyzeApi.Application.Chatwoot.Queries.ListDeliveries;

/// <summary>The integration whose deliveries a caller addresses: another account's instance is not found (404), as
/// on every instance endpoint, so existence never leaks.</summary>
public static class IntegrationOf
{
    public const string NoIntegration = "no chatwoot integration for this instance";

    public static async Task<string> InstanceAsync(
        InstanceResolver instances, IChatwootIntegrationRepository integrations, Caller caller, string instance, CancellationToken cancellationToken)
    {
        var found = await instances.ResolveAsync(caller, instance, "instance not found", cancellationToken);
        var stored = await integrations.FindByInstanceAsync(found.Id, cancellationToken) ?? throw new NotFoundException(NoIntegration);
        return stored.Integration.Id;
    }
}
