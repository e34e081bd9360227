using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>Reads a JSON body as Rails' strong parameters see it: only scalars are permitted, and they arrive
/// as text.</summary>
internal static class ChatwootParams
{
    /// <summary>The body as an object (an empty body is an empty object); null when it is not a JSON object.</summary>
    public static async Task<JsonObject?> ReadAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The body as <see cref="ReadAsync"/> reads it, or null after answering 400 as Rails does for a body
    /// it cannot parse.</summary>
    public static async Task<JsonObject?> ReadOrRejectAsync(HttpContext context)
    {
        if (await ReadAsync(context) is { } parameters)
        {
            return parameters;
        }

        await ChatwootReply.JsonAsync(context, StatusCodes.Status400BadRequest, ChatwootErrors.BadRequest);
        return null;
    }

    /// <summary>Whether <paramref name="name"/> is permitted (present, and null or a scalar), and its text.</summary>
    public static bool TryScalar(JsonObject? parameters, string name, out string? value)
    {
        value = null;
        if (parameters is null || !parameters.TryGetPropertyValue(name, out var node))
        {
            return false;
        }

        if (node is null)
        {
            return true;
        }

        if (node is not JsonValue scalar)
        {
            return false;
        }

        value = scalar.GetValueKind() switch
        {
            JsonValueKind.String => scalar.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => scalar.ToJsonString(),
        };
        return true;
    }

    /// <summary>Rails' boolean cast: "false", "0", "f", "off" (and blank, as null) are not true.</summary>
    public static bool? ToBoolean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : value.Trim().ToLowerInvariant() is not ("false" or "0" or "f" or "off");
}
