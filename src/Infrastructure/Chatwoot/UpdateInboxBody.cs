namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary><c>PATCH /inboxes/{id}</c>: only the channel's webhook URL.</summary>
internal sealed record UpdateInboxBody([property: JsonPropertyName("channel")] ApiChannelBody Channel);
