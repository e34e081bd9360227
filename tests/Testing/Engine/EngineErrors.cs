using System.Text.Json.Nodes;

namespace RyzeApi.Testing.Engine;

/// <summary>The engine's answers in RyzeAPI's envelope, for the fake's own replies and for scripting faults
/// (e.g. <c>engine.FailNext(400, EngineErrors.NotConnected)</c>).</summary>
public static class EngineErrors
{
    public const string NotConnected = """{"success":false,"error":{"message":"Instance is not connected to WhatsApp"}}""";

    public const string MissingToken = """{"success":false,"error":{"message":"Missing token"}}""";

    public const string InvalidToken = """{"success":false,"error":{"message":"Invalid token"}}""";

    public const string InstanceNotFound = """{"success":false,"error":{"message":"Instance not found"}}""";

    public const string InternalServerError = """{"success":false,"error":{"message":"Internal server error"}}""";

    /// <summary><c>{"success":false,"error":{"message":…}}</c>.</summary>
    public static string Envelope(string message) =>
        new JsonObject { ["success"] = false, ["error"] = new JsonObject { ["message"] = message } }.ToJsonString();

    /// <summary>The success answer of a send: <c>{"success":true,"message":"Message sent","data":{"messageId":…}}</c>.</summary>
    public static string Sent(string messageId) =>
        new JsonObject { ["success"] = true, ["message"] = "Message sent", ["data"] = new JsonObject { ["messageId"] = messageId } }.ToJsonString();
}
