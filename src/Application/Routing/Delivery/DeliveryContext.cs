namespace RyzeApi.Application.Routing.Delivery;

/// <summary>One integration, ready to deliver for: its settings, its instance and a Chatwoot connection
/// with the decrypted token (held in memory only for the batch).</summary>
public sealed record DeliveryContext(ChatwootIntegration Integration, string InstanceName, ChatwootConnection Chatwoot);
