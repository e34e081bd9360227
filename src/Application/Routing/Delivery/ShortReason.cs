namespace RyzeApi.Application.Routing.Delivery;

/// <summary>A failure's text cut to what fits beside a message in Chatwoot: one line, at most
/// <see cref="MaxLength"/> characters.</summary>
public static class ShortReason
{
    public const int MaxLength = 200;

    public static string Of(string error)
    {
        var line = string.Join(' ', error.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= MaxLength ? line : line[..(MaxLength - 1)].TrimEnd() + "…";
    }
}
