using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace RyzeApi.Application.Common.Security;

/// <summary>Creates and hashes bearer secrets. Secrets are stored only as SHA-256 hashes and looked up
/// by hash, so the database never holds a usable token.</summary>
public static class SecretTokens
{
    /// <summary>32 random bytes, URL-safe base64 without padding (43 characters).</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool HashEquals(byte[] expectedHash, string candidate) =>
        CryptographicOperations.FixedTimeEquals(expectedHash, Hash(candidate));
}
