namespace RyzeApi.Application.Common.Abstractions;

/// <summary>An instance as listed, with its Chatwoot integration if it has one.</summary>
public sealed record InstanceSummary(
    string Name, DateTimeOffset CreatedAt, string? IntegrationId, IntegrationStatus? IntegrationStatus);
