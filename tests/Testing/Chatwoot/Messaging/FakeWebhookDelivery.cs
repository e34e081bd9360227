namespace RyzeApi.Testing.Chatwoot;

/// <summary>One webhook the fake posted to an inbox's <c>webhook_url</c>: the exact body and signature headers
/// sent, and the answer (<see cref="StatusCode"/>) or the transport error. <see cref="Automatic"/> is true for
/// the ones Chatwoot fires on its own (a message or conversation changed through the API), false for those a test
/// sent with <see cref="FakeChatwoot.SendAgentReplyAsync"/> or <see cref="FakeChatwoot.SendConversationStatusChangedAsync"/>.</summary>
public sealed record FakeWebhookDelivery(
    string Event,
    string Url,
    string Body,
    string? Signature,
    string? Timestamp,
    string DeliveryId,
    int? StatusCode,
    string? Error,
    long? MessageId,
    long? ConversationId,
    bool Automatic,
    DateTimeOffset SentAt)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
