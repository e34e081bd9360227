namespace RyzeApi.Infrastructure.Engine;

/// <summary>RyzeAPI's answer when the instance's WhatsApp session is down: <c>Instance is not connected to WhatsApp</c>,
/// with 400 or with 503 depending on the engine's version. Either way the session is down, not the message wrong.</summary>
internal static class NotConnectedAnswer
{
    public const string Text = "Instance is not connected";

    /// <returns>The engine's words when <paramref name="status"/> and <paramref name="refusal"/> say the session is down, else null.</returns>
    public static string? Match(int status, string? refusal) =>
        status is 400 or 503 && refusal is not null && refusal.TrimStart().StartsWith(Text, StringComparison.OrdinalIgnoreCase) ? refusal : null;
}
