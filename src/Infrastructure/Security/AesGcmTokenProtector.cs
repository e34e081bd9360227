using System.Security.Cryptography;
using System.Text;

namespace RyzeApi.Infrastructure.Security;

/// <summary>AES-256-GCM with a fresh 96-bit nonce per call and a 128-bit tag. Layout:
/// <c>nonce (12) || ciphertext || tag (16)</c>. The associated data (the integration id) is
/// authenticated, so a ciphertext copied to another row fails to decrypt.</summary>
public sealed class AesGcmTokenProtector(EncryptionKeyRing keys) : ITokenProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    public ProtectedSecret Protect(string plaintext, string associatedData)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + data.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.CurrentKey, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize, data.Length), output.AsSpan(NonceSize + data.Length), Encoding.UTF8.GetBytes(associatedData));
        return new ProtectedSecret(keys.CurrentKeyId, output);
    }

    public string Unprotect(ProtectedSecret secret, string associatedData)
    {
        if (!keys.TryGetKey(secret.KeyId, out var key))
        {
            throw new SecretUnreadableException($"No encryption key with id {secret.KeyId} is configured; add the old key to Chatwoot__PreviousEncryptionKeys");
        }

        var input = secret.Ciphertext;
        if (input.Length < NonceSize + TagSize)
        {
            throw new SecretUnreadableException("The ciphertext is too short to be AES-GCM output");
        }

        var length = input.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, length), input.AsSpan(NonceSize + length), plaintext, Encoding.UTF8.GetBytes(associatedData));
        }
        catch (AuthenticationTagMismatchException exception)
        {
            throw new SecretUnreadableException($"The stored secret encrypted with key {secret.KeyId} failed authentication: it was altered or belongs to another row", exception);
        }

        return Encoding.UTF8.GetString(plaintext);
    }
}
