namespace RyzeApi.Infrastructure.IntegrationTests.Support;

/// <summary>Integrations to store, with distinct ids and secrets each time.</summary>
public static class IntegrationSamples
{
    public static NewChatwootIntegration New(Guid instanceId, ProtectedSecret? inboxSecret = null) => new(
        new ChatwootIntegration(
            BridgeIntegrationId.New(), instanceId, "https://chatwoot.example.com", 5, 42, "WhatsApp - Orion",
            new ChatwootSettings(true, false, false, true), IntegrationStatus.Active, string.Empty,
            new DateTimeOffset(2026, 4, 20, 10, 15, 30, TimeSpan.Zero)),
        new ProtectedSecret("k0123456789ab", [1, 2, 3, 4]),
        System.Security.Cryptography.RandomNumberGenerator.GetBytes(32),
        inboxSecret);
}
