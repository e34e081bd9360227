namespace RyzeApi.Application.Chatwoot.Queries.GetChatwootStatus;

/// <summary>An integration's backlog: deliveries waiting (<see cref="Pending"/>), given up in the last 24 h, how long the
/// oldest waiting one has waited (null when none waits), and when the last message went through, either way (null
/// before the first).</summary>
public sealed record DeliveryCounts(int Pending, int FailedLastDay, TimeSpan? OldestPendingAge, DateTimeOffset? LastDeliveredAt)
{
    public static readonly DeliveryCounts None = new(0, 0, null, null);
}
