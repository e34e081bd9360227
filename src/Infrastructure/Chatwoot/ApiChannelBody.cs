namespace RyzeApi.Infrastructure.Chatwoot;

internal sealed record ApiChannelBody(
    [property: JsonPropertyName("type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Type,
    [property: JsonPropertyName("webhook_url")] string WebhookUrl);
