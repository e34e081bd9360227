using System.Globalization;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>Times as Chatwoot renders them: <c>to_i</c> (Unix seconds) in jbuilder views, ActiveSupport's
/// JSON (ISO 8601, milliseconds, UTC) in webhook payloads, <c>to_f</c> for <c>updated_at</c>.</summary>
internal static class RailsTime
{
    public static long Unix(DateTimeOffset time) => time.ToUnixTimeSeconds();

    public static string Json(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static double Float(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
