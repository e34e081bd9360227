namespace RyzeApi.Testing.Chatwoot;

/// <summary>One webhook to post: the body is fixed when the event happens (Chatwoot serialises it into the job).</summary>
internal sealed record WebhookRequest(
    string Event, string Url, string Body, string? Secret, WebhookSigning Signing, long? MessageId, long? ConversationId, bool Automatic);
