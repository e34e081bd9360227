namespace RyzeApi.Infrastructure.Security;

/// <summary>Stands in while no encryption key is set; the module gate answers 503 before it is reached.</summary>
internal sealed class UnconfiguredTokenProtector : ITokenProtector
{
    public ProtectedSecret Protect(string plaintext, string associatedData) =>
        throw new InvalidOperationException("Chatwoot__EncryptionKey is not set");

    public string Unprotect(ProtectedSecret secret, string associatedData) =>
        throw new InvalidOperationException("Chatwoot__EncryptionKey is not set");
}
