using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RyzeApi.Testing.Chatwoot;

namespace RyzeApi.Testing.Engine;

/// <summary>RyzeAPI's <c>GET /api/profile/getAccount/{instance}?number=</c>: <c>{"success": true, "message", "data":
/// {"profile": {"profilePicture", "profileName", "profileStatus", "phoneNumber", "jid"}}}</c>. A number WhatsApp hides
/// the picture of (or that has none) answers <c>profilePicture: null</c>. Checks: token (401), instance (404),
/// connection (400), number (400).</summary>
internal static class EngineProfileEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, EngineState state) =>
        routes.MapGet("/api/profile/getAccount/{instance}", context => GetAccountAsync(context, state));

    private static async Task GetAccountAsync(HttpContext context, EngineState state)
    {
        var token = context.Request.Headers["token"].ToString();
        var instance = context.Request.RouteValues["instance"] as string ?? "";
        var number = context.Request.Query["number"].ToString();
        var (status, body) = string.IsNullOrWhiteSpace(token) ? (StatusCodes.Status401Unauthorized, EngineErrors.MissingToken)
            : token != state.Token ? (StatusCodes.Status401Unauthorized, EngineErrors.InvalidToken)
            : !state.IsKnown(instance) ? (StatusCodes.Status404NotFound, EngineErrors.InstanceNotFound)
            : !state.IsConnected(instance) ? (StatusCodes.Status400BadRequest, EngineErrors.NotConnected)
            : string.IsNullOrWhiteSpace(number) ? (StatusCodes.Status400BadRequest, EngineErrors.Envelope("number is required"))
            : (StatusCodes.Status200OK, Found(number, state.FindProfile(number)));
        await ChatwootReply.WriteAsync(context, status, body, "application/json; charset=utf-8");
    }

    private static string Found(string number, (string? Picture, string? Name)? profile) =>
        new JsonObject
        {
            ["success"] = true,
            ["message"] = "Account found",
            ["data"] = new JsonObject
            {
                ["profile"] = new JsonObject
                {
                    ["profilePicture"] = profile?.Picture,
                    ["profileName"] = profile?.Name,
                    ["profileStatus"] = null,
                    ["phoneNumber"] = number.Split('@')[0],
                    ["jid"] = number,
                },
            },
        }.ToJsonString();
}
