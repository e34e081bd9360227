namespace RyzeApi.Domain.Chatwoot;

/// <summary>How an integration routes messages. The first four flags default to false; <see cref="MarkReadOnReply"/>
/// (mark the customer's WhatsApp chat read after an agent's reply) to true.</summary>
public sealed record ChatwootSettings(bool SignMessages, bool IgnoreGroups, bool StartAsPending, bool ReopenResolved, bool MarkReadOnReply = true);
