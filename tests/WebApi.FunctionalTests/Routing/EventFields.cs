using System.Text.Json.Nodes;
using RyzeApi.Testing.Engine;

namespace RyzeApi.WebApi.FunctionalTests.Routing;

/// <summary>An engine event with fields the factories do not set, spelled as a test needs them.</summary>
internal static class EventFields
{
    /// <summary><paramref name="message"/>'s nested event with <paramref name="fields"/> (JSON text, e.g.
    /// <c>"replyTo": {"messageId": "…"}</c>) merged into <c>data.message</c>.</summary>
    public static string With(EngineChatMessage message, string fields)
    {
        var json = JsonNode.Parse(message.ToJson())!;
        var target = json["data"]!["message"]!.AsObject();
        foreach (var (key, value) in JsonNode.Parse("{" + fields + "}")!.AsObject().ToList())
        {
            target[key] = value?.DeepClone();
        }

        return json.ToJsonString();
    }
}
