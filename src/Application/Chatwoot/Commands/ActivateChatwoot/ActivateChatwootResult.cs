namespace RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;

/// <summary>The answer to a successful activation: exactly the four fields of docs/api/en/chatwoot-activate.md.</summary>
public sealed record ActivateChatwootResult(string Instance, string Status, string BridgeIntegrationId, string Message)
{
    public const string ActivatedMessage = "chatwoot integration activated";
}
