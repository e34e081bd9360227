using System.Security.Cryptography;

namespace RyzeApi.Testing.Chatwoot;

/// <summary>Tokens shaped as Rails' <c>has_secure_token</c> makes them: 24 base58 characters.</summary>
internal static class SecureToken
{
    private const string Base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Generate() => RandomNumberGenerator.GetString(Base58, 24);
}
