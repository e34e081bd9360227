using RyzeApi.Application.Common.Security;

namespace RyzeApi.Application.Chatwoot.Queries.GetChatwootStatus;

/// <summary>Read an instance's Chatwoot integration, refreshed by a best-effort live check.</summary>
public sealed record GetChatwootStatusQuery(Caller Caller, string Instance) : IQuery<ChatwootStatusDto>;
