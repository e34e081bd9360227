using System.Text.Json;
using System.Text.RegularExpressions;
using RyzeApi.Application.Routing.Model;

namespace RyzeApi.Application.Routing.Ingress;

/// <summary>Reads an <c>instance.state</c> event: the WhatsApp session's state in <c>data.state</c> or
/// <c>data.status</c> (<c>connected</c>, <c>connecting</c>, <c>qr_ready</c>, <c>disconnected</c>, <c>logged_out</c>,
/// <c>temp_banned</c>, …). Spellings are folded to one name (lower case, <c>_</c> between words, <c>loggedout</c> is
/// <c>logged_out</c>, Baileys' <c>open</c>/<c>close</c> are connected/disconnected); a state RyzeApi has no meaning
/// for is kept and shown as the engine named it.</summary>
internal static partial class SessionStates
{
    public const string Event = "instance.state";
    private const int MaxLength = 40;

    public static EngineEvent Parse(string name, JsonElement? data)
    {
        var raw = Json.FirstText("state", data) ?? Json.FirstText("status", data)
            ?? throw new ValidationException(["data.state or data.status is required in an instance.state event"]);
        var state = Fold(raw);
        if (state.Length is 0 or > MaxLength || !Name().IsMatch(state))
        {
            throw new ValidationException([$"data.state must be a session state such as \"connected\" or \"logged_out\" (letters, digits and _, at most {MaxLength})"]);
        }

        return new EngineEvent(name, null, null, null, state);
    }

    private static string Fold(string raw)
    {
        var folded = Separators().Replace(raw.Trim().ToLowerInvariant(), "_");
        return folded switch
        {
            "loggedout" => WhatsAppSession.LoggedOut,
            "tempbanned" => WhatsAppSession.TempBanned,
            // Baileys-style names some engines pass through.
            "open" => WhatsAppSession.Connected,
            "close" or "closed" => WhatsAppSession.Disconnected,
            _ => folded,
        };
    }

    [GeneratedRegex(@"[\s\-]+")]
    private static partial Regex Separators();

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex Name();
}
