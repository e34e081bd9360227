namespace RyzeApi.Testing.Chatwoot;

/// <summary>A Chatwoot user: the owner of an access token, or an agent replying from the dashboard.</summary>
public sealed record FakeUser(long Id, string Name, string Email);
