namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary><c>POST /inboxes</c>: an API channel inbox whose webhook points back to RyzeApi.</summary>
internal sealed record CreateInboxBody(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("channel")] ApiChannelBody Channel);
