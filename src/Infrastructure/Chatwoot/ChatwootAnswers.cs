using RyzeApi.Infrastructure.Upstream;

namespace RyzeApi.Infrastructure.Chatwoot;

// The parts of Chatwoot's answers RyzeApi reads. Every field is a JsonField, so an answer of another shape still
// deserialises and ChatwootAnswer names what is wrong.

/// <summary>An inbox: <c>POST</c>, <c>GET</c> and <c>PATCH /inboxes</c>, and each item of the inbox list.</summary>
internal sealed record InboxAnswer(
    [property: JsonPropertyName("id")] JsonField<long> Id,
    [property: JsonPropertyName("name")] JsonField<string> Name,
    [property: JsonPropertyName("webhook_url")] JsonField<string> WebhookUrl,
    [property: JsonPropertyName("secret")] JsonField<string> Secret);

/// <summary>A contact, from its creation or a search. Chatwoot 4.x wraps a created contact as
/// <c>{"payload": {"contact": {...}, "contact_inbox": {...}}}</c>, older versions answer the contact itself;
/// one recursive type reads both.</summary>
internal sealed record ContactAnswer(
    [property: JsonPropertyName("payload")] JsonField<ContactAnswer> Payload,
    [property: JsonPropertyName("contact")] JsonField<ContactAnswer> Contact,
    [property: JsonPropertyName("contact_inbox")] JsonField<ContactInboxAnswer> ContactInbox,
    [property: JsonPropertyName("id")] JsonField<long> Id,
    [property: JsonPropertyName("identifier")] JsonField<string> Identifier,
    [property: JsonPropertyName("phone_number")] JsonField<string> PhoneNumber,
    [property: JsonPropertyName("contact_inboxes")] JsonField<List<JsonField<ContactInboxAnswer>>> ContactInboxes);

/// <summary>A contact inbox: <c>{"source_id": "...", "inbox": {"id": n}}</c>, or with <c>inbox_id</c> in older versions.</summary>
internal sealed record ContactInboxAnswer(
    [property: JsonPropertyName("source_id")] JsonField<string> SourceId,
    [property: JsonPropertyName("inbox")] JsonField<IdAnswer> Inbox,
    [property: JsonPropertyName("inbox_id")] JsonField<long> InboxId);

/// <summary>Anything RyzeApi keeps only the id of (a conversation, a message, a contact inbox's inbox), with the
/// source id a message may carry.</summary>
internal sealed record IdAnswer(
    [property: JsonPropertyName("id")] JsonField<long> Id,
    [property: JsonPropertyName("source_id")] JsonField<string> SourceId);

/// <summary>A list answer: <c>{"meta": {...}, "payload": [...]}</c>.</summary>
internal sealed record PayloadList<T>([property: JsonPropertyName("payload")] JsonField<List<JsonField<T>>> Payload)
    where T : class;

/// <summary>An answer of which nothing is kept, but which must still be a JSON object (a deletion, a status change).</summary>
internal sealed class AnyObject;

[JsonSerializable(typeof(InboxAnswer))]
[JsonSerializable(typeof(PayloadList<InboxAnswer>))]
[JsonSerializable(typeof(List<JsonField<InboxAnswer>>))]
[JsonSerializable(typeof(ContactAnswer))]
[JsonSerializable(typeof(PayloadList<ContactAnswer>))]
[JsonSerializable(typeof(List<JsonField<ContactAnswer>>))]
[JsonSerializable(typeof(ContactInboxAnswer))]
[JsonSerializable(typeof(List<JsonField<ContactInboxAnswer>>))]
[JsonSerializable(typeof(IdAnswer))]
[JsonSerializable(typeof(PayloadList<IdAnswer>))]
[JsonSerializable(typeof(List<JsonField<IdAnswer>>))]
[JsonSerializable(typeof(AnyObject))]
[JsonSerializable(typeof(CreateInboxBody))]
[JsonSerializable(typeof(UpdateInboxBody))]
[JsonSerializable(typeof(CreateContactBody))]
[JsonSerializable(typeof(CreateContactInboxBody))]
[JsonSerializable(typeof(CreateConversationBody))]
[JsonSerializable(typeof(ToggleStatusBody))]
[JsonSerializable(typeof(CreateMessageBody))]
[JsonSerializable(typeof(UpdateMessageStatusBody))]
[JsonSerializable(typeof(UpdateContactBody))]
[JsonSerializable(typeof(ContactMergeBody))]
[JsonSerializable(typeof(ConversationAnswer))]
[JsonSerializable(typeof(PayloadList<ConversationAnswer>))]
[JsonSerializable(typeof(List<JsonField<ConversationAnswer>>))]
internal sealed partial class ChatwootJsonContext : JsonSerializerContext;
