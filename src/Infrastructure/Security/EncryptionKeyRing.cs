using System.Security.Cryptography;

namespace RyzeApi.Infrastructure.Security;

/// <summary>The current AES-256 key, which encrypts, and older keys, which still decrypt. A key's id is
/// derived from the key (a truncated SHA-256), so no registry of ids is needed and ids never collide by accident.</summary>
public sealed class EncryptionKeyRing
{
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    private EncryptionKeyRing(byte[] current, IEnumerable<byte[]> previous)
    {
        CurrentKeyId = IdOf(current);
        _keys[CurrentKeyId] = current;
        foreach (var key in previous)
        {
            _keys.TryAdd(IdOf(key), key);
        }
    }

    public string CurrentKeyId { get; }

    public byte[] CurrentKey => _keys[CurrentKeyId];

    public bool TryGetKey(string keyId, out byte[] key) => _keys.TryGetValue(keyId, out key!);

    /// <summary>Parses base64 keys of exactly 32 bytes; anything else throws with a message that names the setting.</summary>
    public static EncryptionKeyRing Parse(string current, IEnumerable<string?> previous) => new(
        Decode(current, "Chatwoot__EncryptionKey"),
        // Indexed before blanks are skipped, so the message names the entry the operator actually set.
        previous.Select((p, i) => (Value: p, Index: i))
            .Where(p => !string.IsNullOrWhiteSpace(p.Value))
            .Select(p => Decode(p.Value!, $"Chatwoot__PreviousEncryptionKeys__{p.Index}")));

    public static string IdOf(byte[] key) => "k" + Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 6));

    private static byte[] Decode(string value, string setting)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} is not valid base64. It must be base64 of exactly 32 random bytes; generate one with: head -c32 /dev/urandom | base64");
        }

        return key.Length == 32
            ? key
            : throw new InvalidOperationException($"{setting} decodes to {key.Length} bytes; AES-256-GCM needs exactly 32. Generate one with: head -c32 /dev/urandom | base64");
    }
}
