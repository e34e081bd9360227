namespace RyzeApi.Application.Common.Abstractions;

/// <summary>An integration to store: secrets only as ciphertext (API token, the inbox's signing secret)
/// or as a hash (the webhook URL secret).</summary>
public sealed record NewChatwootIntegration(
    ChatwootIntegration Integration,
    ProtectedSecret ApiToken,
    byte[] WebhookSecretHash,
    ProtectedSecret? InboxSecret);
