namespace RyzeApi.Application.Routing.Ingress;

/// <summary>The message an edit or a deletion for everyone is about: <c>editedId</c>, <c>editedMessageId</c>,
/// <c>originalId</c>, <c>replyTo.messageId</c> or <c>key.id</c> (a deletion also <c>revokedId</c>, first), looked for in
/// <c>content</c>, the message, then <c>data</c>. A <c>key.id</c> that is the event's own id says nothing.</summary>
internal static class EditTargets
{
    public static string? Edited(string ownId, params System.Text.Json.JsonElement?[] places) =>
        Json.FirstText("editedId", places) ?? Json.FirstText("editedMessageId", places) ?? Json.FirstText("originalId", places)
        ?? Json.First("replyTo", places).Text("messageId")
        ?? (Json.First("key", places).Text("id") is { } key && key != ownId ? key : null);

    public static string? Revoked(string ownId, params System.Text.Json.JsonElement?[] places) =>
        Json.FirstText("revokedId", places) ?? Edited(ownId, places);
}
