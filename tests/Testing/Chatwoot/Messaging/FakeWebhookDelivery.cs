namespace RyzeApi.Testing.Chatwoot;

/// <summary>One webhook the fake posted to an inbox's <c>webhook_url</c>: the exact body and signature headers
/// sent, and the answer (<see cref="StatusCode"/>) or the transport error. <see cref="Automatic"/> is true for
/// the ones Chatwoot fires on its own (a message or conversation changed through the API), false for those a test
/// sent with <see cref="FakeChatwoot.SendAgentReplyAsync"/> or <see cref="FakeChatwoot.SendConversationStatusChangedAsync"/>.
/// <see cref="Elapsed"/> is the POST alone, from sending it to its answer (or failure).</summary>
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
    DateTimeOffset SentAt,
    TimeSpan Elapsed)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
