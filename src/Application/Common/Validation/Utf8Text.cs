using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace RyzeApi.Application.Common.Validation;

/// <summary>Request bodies are JSON, and JSON is UTF-8 (RFC 8259 §8.1): bytes that are not UTF-8 are refused on
/// every endpoint, never replaced with U+FFFD, which would change what the sender wrote without telling them.</summary>
public static class Utf8Text
{
    /// <summary>The offset of the first byte that is not part of valid UTF-8, or null when all of it is.</summary>
    public static int? InvalidAt(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    /// <summary>The 400 message for <paramref name="bytes"/> when they are not UTF-8; null when they are.</summary>
    public static string? Fault(ReadOnlySpan<byte> bytes) => InvalidAt(bytes) is { } offset ? NotUtf8Message(bytes, offset) : null;

    /// <summary>The 400 message for a body that is not UTF-8, naming the first bad byte.</summary>
    public static string NotUtf8Message(ReadOnlySpan<byte> bytes, int offset) => string.Create(CultureInfo.InvariantCulture,
        $"the body is not valid UTF-8 (byte 0x{bytes[offset]:X2} at offset {offset}); JSON must be sent as UTF-8");
}
