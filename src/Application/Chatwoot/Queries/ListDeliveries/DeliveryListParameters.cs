using System.Globalization;

namespace RyzeApi.Application.Chatwoot.Queries.ListDeliveries;

/// <summary>The list's query string, checked: every wrong parameter is named in one <c>400 invalid query: …</c>.</summary>
public sealed record DeliveryListParameters(DeliveryState State, int Limit, long? Before)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static DeliveryListParameters Parse(string? state, string? limit, string? cursor)
    {
        var failures = new List<string>();
        var parsedState = state is null ? DeliveryState.Failed : DeliveryStateNames.Parse(state) ?? DeliveryState.Failed;
        if (state is not null && DeliveryStateNames.Parse(state) is null)
        {
            failures.Add($"state \"{Shown(state)}\" is not a delivery state - use {DeliveryStateNames.Expected}, or leave it out for failed");
        }

        var parsedLimit = DefaultLimit;
        if (limit is not null && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out parsedLimit) && parsedLimit is >= 1 and <= MaxLimit))
        {
            failures.Add($"limit \"{Shown(limit)}\" is not a whole number from 1 to {MaxLimit} - leave it out for {DefaultLimit}");
        }

        long? before = null;
        if (cursor is not null)
        {
            if (long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                before = id;
            }
            else
            {
                failures.Add($"cursor \"{Shown(cursor)}\" is not a cursor of this list - send the next_cursor of the previous page, or leave it out for the first page");
            }
        }

        return failures.Count > 0 ? throw new ValidationException("invalid query", failures) : new DeliveryListParameters(parsedState, parsedLimit, before);
    }

    // The value as shown in the message: control characters would garble it, and a long one would drown it.
    private static string Shown(string value)
    {
        const int max = 40;
        var shown = new string([.. value.Take(max).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);
        return value.Length > max ? shown + "..." : shown;
    }
}
