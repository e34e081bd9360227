using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RyzeApi.Testing.Chatwoot;

/// <summary><c>content_attributes.in_reply_to</c> and <c>in_reply_to_external_id</c> of a new message, as
/// Messages::MessageBuilder reads <c>content_attributes</c>: a JSON object, a string holding one, or bracketed form
/// fields (<c>content_attributes[in_reply_to]</c>). Null when neither is present (Rails' <c>present?</c>).</summary>
internal sealed record ReplyParams(string? InReplyTo, string? InReplyToExternalId)
{
    public static ReplyParams? FromJson(JsonObject json) =>
        json.TryGetPropertyValue("content_attributes", out var node) ? Of(node) : null;

    public static ReplyParams? FromForm(IFormCollection form)
    {
        if (form.TryGetValue("content_attributes", out var raw))
        {
            return Of(JsonValue.Create(raw.ToString()));
        }

        return Make(Field(form, "content_attributes[in_reply_to]"), Field(form, "content_attributes[in_reply_to_external_id]"));
    }

    private static ReplyParams? Of(JsonNode? node)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                node = JsonNode.Parse(value.GetValue<string>());
            }
            catch (JsonException)
            {
                // safe_parse_json: a string that is not JSON is no attributes.
                return null;
            }
        }

        if (node is not JsonObject attributes)
        {
            return null;
        }

        ChatwootParams.TryScalar(attributes, "in_reply_to", out var inReplyTo);
        ChatwootParams.TryScalar(attributes, "in_reply_to_external_id", out var externalId);
        return Make(inReplyTo, externalId);
    }

    private static ReplyParams? Make(string? inReplyTo, string? externalId) =>
        string.IsNullOrWhiteSpace(inReplyTo) && string.IsNullOrWhiteSpace(externalId)
            ? null
            : new ReplyParams(string.IsNullOrWhiteSpace(inReplyTo) ? null : inReplyTo, string.IsNullOrWhiteSpace(externalId) ? null : externalId);

    private static string? Field(IFormCollection form, string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
}
