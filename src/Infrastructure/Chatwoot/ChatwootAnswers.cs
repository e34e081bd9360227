using System.Text.Json.Serialization;
using RyzeApi.Infrastructure.Upstream;

namespace RyzeApi.Infrastructure.Chatwoot;

// The parts of Chatwoot's answers RyzeApi reads. Every field is a JsonField, so an answer of another shape still
// deserialises and ChatwootAnswer names what is wrong.

/// <summary>An inbox: <c>POST</c>, <c>GET</c> and <c>PATCH /inboxes</c>, and each item of the inbox list.</summary>
internal sealed class InboxAnswer
{
    [JsonPropertyName("id")] public JsonField<long> Id { get; init; }

    [JsonPropertyName("name")] public JsonField<string> Name { get; init; }

    [JsonPropertyName("webhook_url")] public JsonField<string> WebhookUrl { get; init; }

    [JsonPropertyName("secret")] public JsonField<string> Secret { get; init; }
}

/// <summary>A contact, from its creation or a search. Chatwoot 4.x wraps a created contact as
/// <c>{"payload": {"contact": {...}, "contact_inbox": {...}}}</c>, older versions answer the contact itself;
/// one recursive type reads both.</summary>
internal sealed class ContactAnswer
{
    [JsonPropertyName("payload")] public JsonField<ContactAnswer> Payload { get; init; }

    [JsonPropertyName("contact")] public JsonField<ContactAnswer> Contact { get; init; }

    [JsonPropertyName("contact_inbox")] public JsonField<ContactInboxAnswer> ContactInbox { get; init; }

    [JsonPropertyName("id")] public JsonField<long> Id { get; init; }

    [JsonPropertyName("identifier")] public JsonField<string> Identifier { get; init; }

    [JsonPropertyName("phone_number")] public JsonField<string> PhoneNumber { get; init; }

    [JsonPropertyName("contact_inboxes")] public JsonField<List<JsonField<ContactInboxAnswer>>> ContactInboxes { get; init; }
}

/// <summary>A contact inbox: <c>{"source_id": "...", "inbox": {"id": n}}</c>, or with <c>inbox_id</c> in older versions.</summary>
internal sealed class ContactInboxAnswer
{
    [JsonPropertyName("source_id")] public JsonField<string> SourceId { get; init; }

    [JsonPropertyName("inbox")] public JsonField<IdAnswer> Inbox { get; init; }

    [JsonPropertyName("inbox_id")] public JsonField<long> InboxId { get; init; }
}

/// <summary>Anything RyzeApi keeps only the id of (a conversation, a message, a contact inbox's inbox), with the
/// source id a message may carry.</summary>
internal sealed class IdAnswer
{
    [JsonPropertyName("id")] public JsonField<long> Id { get; init; }

    [JsonPropertyName("source_id")] public JsonField<string> SourceId { get; init; }
}

/// <summary>A list answer: <c>{"meta": {...}, "payload": [...]}</c>.</summary>
internal sealed class PayloadList<T>
    where T : class
{
    [JsonPropertyName("payload")] public JsonField<List<JsonField<T>>> Payload { get; init; }
}

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
internal sealed partial class ChatwootJsonContext : JsonSerializerContext;
