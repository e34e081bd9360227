using System.Security.Cryptography;

namespace RyzeApi.Domain.Chatwoot;

/// <summary>Creates integration ids of the form <c>int_</c> + 16 random lowercase letters and digits.</summary>
public static class BridgeIntegrationId
{
    public const string Prefix = "int_";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, 16);

    /// <summary>Whether <paramref name="id"/> has the form of an id made by <see cref="New"/>; any other text names
    /// no integration (and, holding a NUL, could not even be looked up in PostgreSQL).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 20 } && id.StartsWith(Prefix, StringComparison.Ordinal) && id.AsSpan(Prefix.Length).IndexOfAnyExcept(Alphabet) < 0;
}
