namespace RyzeApi.Application.Common.Abstractions;

/// <summary>A ciphertext and the id of the key that made it.</summary>
public sealed record ProtectedSecret(string KeyId, byte[] Ciphertext);
