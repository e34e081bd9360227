using System.Text.Json.Nodes;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>A contact as Chatwoot renders it: the REST partial (app/views/api/v1/models/_contact.json.jbuilder,
/// with <c>_contact_inbox</c> and <c>_inbox_slim</c>), <c>push_event_data</c> and <c>webhook_data</c>.</summary>
internal static class ContactJson
{
    public static JsonObject Render(FakeChatwootState state, FakeContact contact, bool withContactInboxes = true)
    {
        var json = new JsonObject
        {
            ["additional_attributes"] = new JsonObject(),
            ["availability_status"] = "offline",
            ["email"] = contact.Email,
            ["id"] = contact.Id,
            ["name"] = contact.Name,
            ["phone_number"] = contact.PhoneNumber,
            ["blocked"] = false,
            ["identifier"] = contact.Identifier,
            ["thumbnail"] = "",
            ["custom_attributes"] = new JsonObject(),
            ["created_at"] = RailsTime.Unix(contact.CreatedAt),
        };
        if (withContactInboxes)
        {
            var contactInboxes = state.Messaging.ContactInboxesOf(contact.Id)
                .Select(ci => state.FindInbox(ci.InboxId) is { } inbox ? (JsonNode)ContactInbox(ci, inbox) : null)
                .Where(node => node is not null);
            json["contact_inboxes"] = new JsonArray([.. contactInboxes]);
        }

        return json;
    }

    /// <summary>_contact_inbox.json.jbuilder: the source id and the inbox, slim.</summary>
    public static JsonObject ContactInbox(FakeContactInbox contactInbox, FakeInbox inbox) => new()
    {
        ["source_id"] = contactInbox.SourceId,
        ["inbox"] = InboxSlim(inbox),
    };

    public static JsonObject InboxSlim(FakeInbox inbox) => new()
    {
        ["id"] = inbox.Id,
        ["avatar_url"] = "",
        ["channel_id"] = inbox.ChannelId,
        ["name"] = inbox.Name,
        ["channel_type"] = inbox.ChannelType,
        ["provider"] = null,
    };

    /// <summary>The Inbox record's own attributes, as <c>json.inbox @contact_inbox.inbox</c> (contacts/create) renders them.</summary>
    public static JsonObject InboxRecord(FakeInbox inbox) => new()
    {
        ["id"] = inbox.Id,
        ["channel_id"] = inbox.ChannelId,
        ["account_id"] = inbox.AccountId,
        ["name"] = inbox.Name,
        ["channel_type"] = inbox.ChannelType,
        ["enable_auto_assignment"] = true,
        ["greeting_enabled"] = false,
        ["greeting_message"] = null,
        ["email_address"] = null,
        ["working_hours_enabled"] = false,
        ["out_of_office_message"] = null,
        ["timezone"] = "UTC",
        ["enable_email_collect"] = true,
        ["csat_survey_enabled"] = false,
        ["allow_messages_after_resolved"] = true,
        ["auto_assignment_config"] = new JsonObject(),
        ["lock_to_single_conversation"] = false,
        ["portal_id"] = null,
        ["sender_name_type"] = "friendly",
        ["business_name"] = null,
        ["csat_config"] = new JsonObject(),
    };

    /// <summary>Contact#push_event_data (a conversation's <c>meta.sender</c>, an incoming message's <c>sender</c>).</summary>
    public static JsonObject PushEventData(FakeContact contact) => new()
    {
        ["additional_attributes"] = new JsonObject(),
        ["custom_attributes"] = new JsonObject(),
        ["email"] = contact.Email,
        ["id"] = contact.Id,
        ["identifier"] = contact.Identifier,
        ["name"] = contact.Name,
        ["phone_number"] = contact.PhoneNumber,
        ["thumbnail"] = "",
        ["blocked"] = false,
        ["type"] = "contact",
    };

    /// <summary>Contact#webhook_data (an incoming message's <c>sender</c> in a webhook).</summary>
    public static JsonObject WebhookData(FakeContact contact) => new()
    {
        ["account"] = AccountWebhookData(contact.AccountId),
        ["additional_attributes"] = new JsonObject(),
        ["avatar"] = "",
        ["custom_attributes"] = new JsonObject(),
        ["email"] = contact.Email,
        ["id"] = contact.Id,
        ["identifier"] = contact.Identifier,
        ["name"] = contact.Name,
        ["phone_number"] = contact.PhoneNumber,
        ["thumbnail"] = "",
        ["blocked"] = false,
    };

    /// <summary>Account#webhook_data. The fake's accounts have no name of their own.</summary>
    public static JsonObject AccountWebhookData(long accountId) => new() { ["id"] = accountId, ["name"] = $"Account {accountId}" };
}
