namespace RyzeApi.Testing.Chatwoot;

/// <summary>An API-channel inbox as the fake stores it. Immutable: a snapshot taken by a test never changes;
/// an update stores a new value.</summary>
public sealed record FakeInbox(
    long Id,
    long AccountId,
    long ChannelId,
    string Name,
    string? WebhookUrl,
    bool HmacMandatory,
    string InboxIdentifier,
    string HmacToken,
    string Secret)
{
    public const string ApiChannelType = "Channel::Api";

    public string ChannelType => ApiChannelType;
}
