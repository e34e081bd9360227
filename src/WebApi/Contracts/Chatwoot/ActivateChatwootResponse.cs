using RyzeApi.Application.Chatwoot.Commands.ActivateChatwoot;

namespace RyzeApi.WebApi.Contracts.Chatwoot;

/// <summary>201 of <c>POST /api/chatwoot/set/{instance}</c>: exactly the four fields of docs/api/en/chatwoot-activate.md.</summary>
public sealed class ActivateChatwootResponse
{
    /// <summary>Name of the instance the integration was activated on.</summary>
    /// <example>suporte</example>
    [JsonPropertyName("instance")] public required string Instance { get; init; }

    /// <summary>"active" when activation completed.</summary>
    /// <example>active</example>
    [JsonPropertyName("status")] public required string Status { get; init; }

    /// <summary>Internal id of the integration, used as a reference in the other operations.</summary>
    /// <example>int_xyz789abc</example>
    [JsonPropertyName("bridge_integration_id")] public required string BridgeIntegrationId { get; init; }

    /// <summary>Fixed confirmation message.</summary>
    /// <example>chatwoot integration activated</example>
    [JsonPropertyName("message")] public required string Message { get; init; }

    public static ActivateChatwootResponse From(ActivateChatwootResult r) => new()
    {
        Instance = r.Instance, Status = r.Status, BridgeIntegrationId = r.BridgeIntegrationId, Message = r.Message,
    };
}
