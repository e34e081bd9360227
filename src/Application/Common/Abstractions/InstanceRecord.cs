namespace RyzeApi.Application.Common.Abstractions;

public sealed record InstanceRecord(Guid Id, Guid AccountId, string Name, DateTimeOffset CreatedAt);
