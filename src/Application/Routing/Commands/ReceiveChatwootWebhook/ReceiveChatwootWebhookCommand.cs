namespace RyzeApi.Application.Routing.Commands.ReceiveChatwootWebhook;

/// <summary>A call to an inbox's webhook URL: the ids from the path, the signature headers and the raw body
/// (raw, because the signature is over the exact bytes).</summary>
public sealed record ReceiveChatwootWebhookCommand(
    string IntegrationId, string Secret, string? Timestamp, string? Signature, byte[] Body) : ICommand<IngressResult>;
