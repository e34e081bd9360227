namespace RyzeApi.Application.Routing.Model;

/// <summary>A claimed unit of work. <see cref="Attempts"/> counts this attempt too.</summary>
public sealed record OutboxItem(long Id, string IntegrationId, string Kind, string ChatKey, string Payload, int Attempts);

/// <summary>A unit of work to record.</summary>
public sealed record NewOutboxItem(string IntegrationId, string Kind, string ChatKey, string? DedupeKey, string Payload);
