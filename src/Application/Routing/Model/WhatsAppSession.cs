namespace RyzeApi.Application.Routing.Model;

/// <summary>An instance's WhatsApp session as the engine last reported it, and since when it has been in that state.</summary>
public sealed record WhatsAppSession(string State, DateTimeOffset Since)
{
    public const string Connected = "connected";
    public const string Disconnected = "disconnected";
    public const string LoggedOut = "logged_out";
    public const string TempBanned = "temp_banned";

    /// <summary>What an operator must read in the integration's <c>last_error</c> while the session is in
    /// <paramref name="state"/>, or null when the state needs nobody (it comes back by itself, or it is connected).</summary>
    public static string? ProblemOf(string state) => state switch
    {
        LoggedOut => "the WhatsApp session of this instance is logged out - connect it again in the engine (scan the QR code); replies to WhatsApp wait meanwhile",
        TempBanned => "WhatsApp has temporarily banned this instance's number - replies to WhatsApp wait until the ban ends",
        _ => null,
    };

    /// <summary>Every text <see cref="ProblemOf"/> gives: what a later <c>connected</c> clears from <c>last_error</c>.</summary>
    public static IReadOnlyList<string> Problems { get; } = [ProblemOf(LoggedOut)!, ProblemOf(TempBanned)!];
}
