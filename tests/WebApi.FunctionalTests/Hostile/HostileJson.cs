using System.Text;
using System.Text.Json.Nodes;

namespace RyzeApi.WebApi.FunctionalTests.Hostile;

/// <summary>The three kinds of hostile text, each put into one string field of an otherwise valid JSON body.</summary>
public enum HostileText
{
    /// <summary>A lone UTF-16 surrogate, <c>\ud800</c> escaped in the JSON (valid JSON, not valid text).</summary>
    Surrogate,

    /// <summary>A NUL character, <c>\u0000</c> escaped in the JSON (valid JSON and text; PostgreSQL refuses it).</summary>
    Nul,

    /// <summary>A byte that is not UTF-8 (0xFF) inside the string.</summary>
    InvalidUtf8,
}

/// <summary>Corrupts one field of a JSON body, named by its path (<c>data.message.chat.jid</c>,
/// <c>attachments[0].data_url</c>): the field's text gets the hostile piece in its middle.</summary>
public static class HostileJson
{
    private const string Marker = "HOSTILEMARKER";

    /// <summary>The value a NUL case puts in, and what must arrive once the NUL is stripped.</summary>
    public static string WithNul(string value) => value[..(value.Length / 2)] + "\0" + value[(value.Length / 2)..];

    public static byte[] Corrupt(string json, string path, HostileText kind)
    {
        var root = JsonNode.Parse(json)!;
        var (parent, key) = Locate(root, path);
        var value = (parent is JsonArray a ? a[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] : parent[key])?.GetValue<string>() ?? "valor";
        var corrupted = kind == HostileText.Nul ? WithNul(value) : value[..(value.Length / 2)] + Marker + value[(value.Length / 2)..];
        if (parent is JsonArray array)
        {
            array[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] = corrupted;
        }
        else
        {
            parent[key] = corrupted;
        }

        var text = root.ToJsonString();
        Assert.That(kind != HostileText.Nul || text.Contains("\\u0000", StringComparison.Ordinal), "the NUL is escaped in the JSON");
        return kind switch
        {
            HostileText.Surrogate => Encoding.UTF8.GetBytes(text.Replace(Marker, "\\ud800", StringComparison.Ordinal)),
            HostileText.InvalidUtf8 => Replace(Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetBytes(Marker), [0xFF]),
            _ => Encoding.UTF8.GetBytes(text),
        };
    }

    /// <summary>Where the 0xFF byte of an <see cref="HostileText.InvalidUtf8"/> body is.</summary>
    public static int InvalidByteOffset(byte[] body) => Array.IndexOf(body, (byte)0xFF);

    private static (JsonNode Parent, string Key) Locate(JsonNode root, string path)
    {
        var steps = path.Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Split('.');
        var node = root;
        foreach (var step in steps[..^1])
        {
            node = node is JsonArray array ? array[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)]! : node[step]!;
        }

        return (node, steps[^1]);
    }

    private static byte[] Replace(byte[] source, byte[] find, byte[] with)
    {
        var at = source.AsSpan().IndexOf(find);
        return [.. source[..at], .. with, .. source[(at + find.Length)..]];
    }
}
