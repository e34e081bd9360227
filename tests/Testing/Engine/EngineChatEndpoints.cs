using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace RyzeApi.Testing.Engine;

/// <summary>The chat actions of RyzeAPI's <c>api/chat/*</c> that RyzeApi uses: <c>DELETE delete</c>, <c>POST presence</c>
/// and <c>POST markChatRead</c>, with the messages of RyzeAPI's pages. Check order: token (401), instance (404),
/// connection (503, as the chat pages list it), body (400). A deletion of an id the fake never sent is 404
/// <c>message not found</c>; RyzeAPI's revoke window (a refusal of an old message) is scripted with
/// <see cref="FakeEngine.FailNext"/>.</summary>
internal static class EngineChatEndpoints
{
    private const string StateProblem = "Use 'typing', 'recording', or 'pause'";
    private static readonly string[] s_states = ["typing", "recording", "pause", "paused"];

    public static void Map(IEndpointRouteBuilder routes, EngineState state)
    {
        routes.MapDelete("/api/chat/delete/{instance}", context => HandleAsync(context, state, Delete));
        routes.MapPost("/api/chat/presence/{instance}", context => HandleAsync(context, state, Presence));
        routes.MapPost("/api/chat/markChatRead/{instance}", context => HandleAsync(context, state, MarkChatRead));
    }

    private static (int Status, string Answer) Delete(EngineState state, string instance, JsonObject json, string body)
    {
        if (EngineEndpoints.Text(json, "messageId") is not { Length: > 0 } messageId)
        {
            return (StatusCodes.Status400BadRequest, EngineErrors.Envelope("MessageID is required"));
        }

        if (!state.WasSent(messageId))
        {
            return (StatusCodes.Status404NotFound, EngineErrors.Envelope("message not found"));
        }

        var forEveryone = json["deleteForEveryone"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
        state.Record(new FakeEngineDeletion(instance, messageId, forEveryone, body));
        return (StatusCodes.Status200OK, new JsonObject
        {
            ["success"] = true,
            ["message"] = forEveryone ? "Message deleted for everyone" : "Message deleted for me",
            ["messageId"] = messageId,
            ["delete_type"] = forEveryone ? "revoke" : "delete_for_me",
        }.ToJsonString());
    }

    private static (int Status, string Answer) Presence(EngineState state, string instance, JsonObject json, string body)
    {
        var number = EngineEndpoints.Text(json, "number");
        var presence = EngineEndpoints.Text(json, "state")?.ToLowerInvariant();
        var problem = string.IsNullOrWhiteSpace(number) ? "Number is required"
            : string.IsNullOrEmpty(presence) ? "State is required. " + StateProblem
            : !s_states.Contains(presence) ? "Invalid state. " + StateProblem
            : null;
        if (problem is not null)
        {
            return (StatusCodes.Status400BadRequest, EngineErrors.Envelope(problem));
        }

        int? duration = json["duration"] is JsonValue d && d.TryGetValue<int>(out var seconds) ? Math.Min(seconds, 60) : null;
        state.Record(new FakeEnginePresence(instance, number!, presence!, duration, body));
        return (StatusCodes.Status200OK, new JsonObject { ["success"] = true, ["message"] = "Presence sent successfully" }.ToJsonString());
    }

    private static (int Status, string Answer) MarkChatRead(EngineState state, string instance, JsonObject json, string body)
    {
        if (EngineEndpoints.Text(json, "number") is not { Length: > 0 } number)
        {
            return (StatusCodes.Status400BadRequest, EngineErrors.Envelope("Number is required"));
        }

        var read = json["read"] is not JsonValue r || !r.TryGetValue<bool>(out var value) || value;
        state.Record(new FakeEngineChatRead(instance, number, read, body));
        return (StatusCodes.Status200OK, new JsonObject
        {
            ["success"] = true,
            ["message"] = read ? "Chat marked as read successfully" : "Chat marked as unread successfully",
            ["chat_jid"] = number.Contains('@', StringComparison.Ordinal) ? number : number + "@s.whatsapp.net",
            ["read"] = read,
        }.ToJsonString());
    }

    private static async Task HandleAsync(
        HttpContext context, EngineState state, Func<EngineState, string, JsonObject, string, (int Status, string Answer)> action)
    {
        var token = context.Request.Headers["token"].ToString();
        var instance = context.Request.RouteValues["instance"] as string ?? "";
        var rejection = string.IsNullOrWhiteSpace(token) ? (StatusCodes.Status401Unauthorized, EngineErrors.MissingToken)
            : token != state.Token ? (StatusCodes.Status401Unauthorized, EngineErrors.InvalidToken)
            : !state.IsKnown(instance) ? (StatusCodes.Status404NotFound, EngineErrors.InstanceNotFound)
            : !state.IsConnected(instance) ? (StatusCodes.Status503ServiceUnavailable, EngineErrors.NotConnected)
            : ((int, string)?)null;
        if (rejection is { } rejected)
        {
            await EngineEndpoints.WriteAsync(context, rejected.Item1, rejected.Item2);
            return;
        }

        var (body, json) = await EngineEndpoints.ReadJsonAsync(context);
        var (code, text) = json is null
            ? (StatusCodes.Status400BadRequest, EngineErrors.Envelope("Invalid request body"))
            : action(state, instance, json, body);
        await EngineEndpoints.WriteAsync(context, code, text);
    }
}
