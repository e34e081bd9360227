using RyzeApi.Application.Common.Security;

namespace RyzeApi.Application.Common.Abstractions;

/// <summary>Resolves a token, by its SHA-256 hash only, to the account or instance it belongs to.</summary>
public interface ICredentialStore
{
    Task<Caller?> FindByTokenHashAsync(byte[] tokenHash, CancellationToken cancellationToken);
}
