namespace RyzeApi.Application.Common.Abstractions;

/// <summary>An inbox as Chatwoot describes it. <see cref="Secret"/> is the webhook signing secret that
/// Chatwoot 4.13+ returns for API inboxes; older versions return none.</summary>
public sealed record ChatwootInbox(long Id, string Name, string? WebhookUrl, string? Secret)
{
    public override string ToString() => $"ChatwootInbox {{ Id = {Id}, Name = {Name} }}";
}
