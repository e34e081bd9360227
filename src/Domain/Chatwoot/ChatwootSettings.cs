namespace RyzeApi.Domain.Chatwoot;

/// <summary>How an integration routes messages; every flag defaults to false.</summary>
public sealed record ChatwootSettings(bool SignMessages, bool IgnoreGroups, bool StartAsPending, bool ReopenResolved);
