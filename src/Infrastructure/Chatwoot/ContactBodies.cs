using RyzeApi.Infrastructure.Upstream;

namespace RyzeApi.Infrastructure.Chatwoot;

// What RyzeApi sends and reads to keep one Chatwoot contact per WhatsApp person (ChatwootMessaging.Contacts.cs).

/// <summary><c>PUT /contacts/{id}</c>: only the fields given change.</summary>
internal sealed record UpdateContactBody(
    [property: JsonPropertyName("name")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    [property: JsonPropertyName("identifier")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Identifier,
    [property: JsonPropertyName("phone_number")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PhoneNumber,
    [property: JsonPropertyName("avatar_url")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AvatarUrl);

/// <summary><c>POST /actions/contact_merge</c>: the mergee's conversations and contact inboxes move to the base,
/// then the mergee is deleted.</summary>
internal sealed record ContactMergeBody(
    [property: JsonPropertyName("base_contact_id")] long BaseContactId,
    [property: JsonPropertyName("mergee_contact_id")] long MergeeContactId);

/// <summary>An item of a contact's conversations (<c>GET /contacts/{id}/conversations</c>).</summary>
internal sealed record ConversationAnswer(
    [property: JsonPropertyName("id")] JsonField<long> Id,
    [property: JsonPropertyName("inbox_id")] JsonField<long> InboxId,
    [property: JsonPropertyName("status")] JsonField<string> Status);

