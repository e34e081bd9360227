namespace RyzeApi.Testing.Chatwoot;

/// <summary>The user behind an access token, as a member of the account in the URL.</summary>
internal sealed record ChatwootCaller(long AccountId, bool IsAdministrator);
