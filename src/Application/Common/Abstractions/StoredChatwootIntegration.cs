namespace RyzeApi.Application.Common.Abstractions;

/// <summary>An integration as read back, with its still-encrypted Chatwoot API token.</summary>
public sealed record StoredChatwootIntegration(ChatwootIntegration Integration, ProtectedSecret ApiToken);
