using System.Security.Cryptography;

namespace RyzeApi.Domain.Chatwoot;

/// <summary>Creates integration ids of the form <c>int_</c> + 16 random lowercase letters and digits.</summary>
public static class BridgeIntegrationId
{
    public const string Prefix = "int_";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, 16);
}
