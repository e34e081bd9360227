namespace RyzeApi.Application.Common.Abstractions;

/// <summary>Accounts, which own instances.</summary>
public interface IAccountRepository
{
    /// <summary>Makes sure an account whose TokenAccount hashes to <paramref name="tokenHash"/> exists.</summary>
    Task EnsureAccountAsync(byte[] tokenHash, string name, CancellationToken cancellationToken);
}
