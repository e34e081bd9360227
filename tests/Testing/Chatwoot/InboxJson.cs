using System.Text.Json.Nodes;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>An API-channel inbox as app/views/api/v1/models/_inbox.json.jbuilder renders it: same keys, same
/// order, and the defaults of a freshly created inbox for everything the fake does not store.</summary>
internal static class InboxJson
{
    public static JsonObject Render(FakeInbox inbox, bool administrator)
    {
        var json = new JsonObject
        {
            ["id"] = inbox.Id,
            ["avatar_url"] = "",
            ["channel_id"] = inbox.ChannelId,
            ["name"] = inbox.Name,
            ["channel_type"] = inbox.ChannelType,
            ["greeting_enabled"] = false,
            ["greeting_message"] = null,
            ["working_hours_enabled"] = false,
            ["enable_email_collect"] = true,
            ["csat_survey_enabled"] = false,
            ["csat_config"] = new JsonObject(),
            ["enable_auto_assignment"] = true,
            ["auto_assignment_config"] = new JsonObject(),
            ["out_of_office_message"] = null,
            ["working_hours"] = DefaultWorkingHours(),
            ["timezone"] = "UTC",
            ["callback_webhook_url"] = null,
            ["allow_messages_after_resolved"] = true,
            ["lock_to_single_conversation"] = false,
            ["sender_name_type"] = "friendly",
            ["business_name"] = null,

            // The web widget and Twilio keys are rendered for every channel type, as nulls here.
            ["allowed_domains"] = null,
            ["widget_color"] = null,
            ["website_url"] = null,
            ["hmac_mandatory"] = inbox.HmacMandatory,
            ["welcome_title"] = null,
            ["welcome_tagline"] = null,
            ["web_widget_script"] = null,
            ["website_token"] = null,
            ["selected_feature_flags"] = null,
            ["reply_time"] = null,
            ["messaging_service_sid"] = null,
            ["phone_number"] = null,
        };
        if (administrator)
        {
            json["hmac_token"] = inbox.HmacToken;
            json["secret"] = inbox.Secret;
        }

        json["webhook_url"] = inbox.WebhookUrl;
        json["inbox_identifier"] = inbox.InboxIdentifier;
        json["additional_attributes"] = new JsonObject();
        json["provider"] = null;
        return json;
    }

    // OutOfOffisable#create_default_working_hours: weekdays 09:00–17:00, weekends closed.
    private static JsonArray DefaultWorkingHours()
    {
        var days = new JsonArray();
        for (var day = 0; day < 7; day++)
        {
            var weekend = day is 0 or 6;
            days.Add(new JsonObject
            {
                ["day_of_week"] = day,
                ["closed_all_day"] = weekend,
                ["open_hour"] = weekend ? null : 9,
                ["open_minutes"] = weekend ? null : 0,
                ["close_hour"] = weekend ? null : 17,
                ["close_minutes"] = weekend ? null : 0,
                ["open_all_day"] = false,
            });
        }

        return days;
    }
}
