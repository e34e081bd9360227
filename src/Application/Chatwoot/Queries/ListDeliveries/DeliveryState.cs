namespace RyzeApi.Application.Chatwoot.Queries.ListDeliveries;

/// <summary>Where a delivery stands: waiting or being retried, given up (kept with its error), or done.</summary>
public enum DeliveryState
{
    Pending,
    Failed,
    Delivered,
}

public static class DeliveryStateNames
{
    public const string Expected = "pending, failed or delivered";

    public static string ToName(this DeliveryState state) => state switch
    {
        DeliveryState.Pending => "pending",
        DeliveryState.Failed => "failed",
        _ => "delivered",
    };

    public static DeliveryState? Parse(string? name) => name switch
    {
        "pending" => DeliveryState.Pending,
        "failed" => DeliveryState.Failed,
        "delivered" => DeliveryState.Delivered,
        _ => null,
    };
}
