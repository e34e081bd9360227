namespace RyzeApi.Application.Common.Abstractions;

/// <summary>Authenticated encryption of secrets at rest. Each call uses a fresh nonce; the
/// associated data binds a ciphertext to its owner so it cannot be moved to another row.</summary>
public interface ITokenProtector
{
    ProtectedSecret Protect(string plaintext, string associatedData);

    /// <summary>Decrypts with the key named by the secret; throws if it was tampered with or the key is unknown.</summary>
    string Unprotect(ProtectedSecret secret, string associatedData);
}
