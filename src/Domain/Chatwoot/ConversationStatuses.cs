namespace RyzeApi.Domain.Chatwoot;

/// <summary>Chatwoot's conversation statuses that routing acts on. Kept as text: Chatwoot has others (snoozed) that
/// RyzeApi stores as it gets them and treats as not resolved.</summary>
public static class ConversationStatuses
{
    public const string Open = "open";
    public const string Pending = "pending";
    public const string Resolved = "resolved";
}
