namespace RyzeApi.Application.Chatwoot;

/// <summary>What a user gives to activate Chatwoot, as received (validated by
/// <see cref="ChatwootActivationFieldsValidator"/>). <see cref="ToString"/> leaves the token out.</summary>
public sealed record ChatwootActivationFields(
    string? ChatwootBaseUrl,
    long? ChatwootAccountId,
    string? ChatwootApiToken,
    string? InboxName,
    ChatwootSettings Settings)
{
    public const string DefaultInboxName = "RyzeAPI";

    public string EffectiveInboxName => InboxName ?? DefaultInboxName;

    public override string ToString() =>
        $"ChatwootActivationFields {{ ChatwootBaseUrl = {ChatwootBaseUrl}, ChatwootAccountId = {ChatwootAccountId}, InboxName = {InboxName} }}";
}
