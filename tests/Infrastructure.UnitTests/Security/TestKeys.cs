using RyzeApi.Infrastructure.Security;

namespace RyzeApi.Infrastructure.UnitTests.Security;

/// <summary>Fixed 32-byte keys, so key ids are reproducible.</summary>
public static class TestKeys
{
    public static byte[] Old { get; } = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    public static byte[] New { get; } = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];

    public static string Base64(byte[] key) => Convert.ToBase64String(key);

    public static EncryptionKeyRing Ring(byte[] current, params byte[][] previous) =>
        EncryptionKeyRing.Parse(Base64(current), previous.Select(Base64));
}
