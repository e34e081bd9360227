namespace RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;

/// <summary>The answer to a successful activation: exactly the seed page's four fields.</summary>
public sealed record ActivateChatwootResult(string Instance, string Status, string BridgeIntegrationId, string Message)
{
    public const string ActivatedMessage = "chatwoot integration activated";
}
