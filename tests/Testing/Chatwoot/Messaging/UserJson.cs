using System.Text.Json.Nodes;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>User#push_event_data and User#webhook_data (app/models/user.rb).</summary>
internal static class UserJson
{
    public static JsonObject PushEventData(FakeUser user) => new()
    {
        ["id"] = user.Id,
        ["name"] = user.Name,
        ["available_name"] = user.Name,
        ["avatar_url"] = "",
        ["type"] = "user",
        ["availability_status"] = "offline",
        ["thumbnail"] = "",
    };

    /// <summary>Only these four keys: a webhook's agent has no <c>available_name</c>.</summary>
    public static JsonObject WebhookData(FakeUser user) => new()
    {
        ["id"] = user.Id,
        ["name"] = user.Name,
        ["email"] = user.Email,
        ["type"] = "user",
    };
}
