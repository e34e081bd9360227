namespace RyzeApi.Application.Common.Abstractions;

/// <summary>Where and as whom to call Chatwoot. <see cref="ToString"/> leaves the token out so the
/// connection can never leak it into a log line.</summary>
public sealed record ChatwootConnection(string BaseUrl, long AccountId, string ApiToken)
{
    public override string ToString() => $"ChatwootConnection {{ BaseUrl = {BaseUrl}, AccountId = {AccountId} }}";
}
