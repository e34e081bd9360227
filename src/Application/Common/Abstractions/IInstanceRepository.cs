namespace RyzeApi.Application.Common.Abstractions;

/// <summary>WhatsApp instances and their TokenInstance hashes.</summary>
public interface IInstanceRepository
{
    Task<InstanceRecord?> FindByNameAsync(string name, CancellationToken cancellationToken);

    Task<CreateInstanceOutcome> CreateAsync(InstanceRecord instance, byte[] tokenHash, CancellationToken cancellationToken);

    Task<IReadOnlyList<InstanceSummary>> ListAsync(
        Guid accountId, IReadOnlyCollection<string>? names, CancellationToken cancellationToken);

    /// <summary>Deletes the instance and everything that hangs off it (its Chatwoot integration).</summary>
    Task<bool> DeleteAsync(Guid instanceId, CancellationToken cancellationToken);
}
