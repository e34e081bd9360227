namespace RyzeApi.Application.Instances.Commands.CreateInstance;

/// <summary>Either <c>active</c> with the integration id, or <c>error</c> with the activation's message.</summary>
public sealed record InlineActivationOutcome(string Status, string? BridgeIntegrationId, string? Error);
