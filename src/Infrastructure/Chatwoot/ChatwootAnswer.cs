using System.Text.Json;
using RyzeApi.Application.Common.Validation;

namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>A 2xx answer from Chatwoot, read strictly: a JSON object whose ids are positive integers and whose
/// strings are strings. Anything else is not Chatwoot's answer (a proxy's page, a stub, another API) and is
/// thrown as <see cref="ChatwootFailureClassifier.NotChatwoot"/>, so no 0, negative or made-up value is ever stored.</summary>
internal sealed class ChatwootAnswer : IDisposable
{
    private readonly JsonDocument _json;
    private readonly ChatwootCall _call;
    private readonly int _status;
    private readonly string _body;

    private ChatwootAnswer(JsonDocument json, ChatwootCall call, int status, string body)
    {
        _json = json;
        _call = call;
        _status = status;
        _body = body;
    }

    public JsonElement Root => _json.RootElement;

    /// <summary>Checks the status (any non-2xx is classified as usual), then reads the body as a JSON object.</summary>
    public static async Task<ChatwootAnswer> ReadAsync(ChatwootCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await ChatwootClient.EnsureSuccessAsync(call, response, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw ChatwootFailureClassifier.NotChatwoot(call, status, body, "the answer is not JSON");
        }

        if (json.RootElement.ValueKind != JsonValueKind.Object)
        {
            json.Dispose();
            throw ChatwootFailureClassifier.NotChatwoot(call, status, body, "the answer is not a JSON object");
        }

        // A lone surrogate escape would make GetString throw later, far from here (a 500 instead of this answer's fault).
        if (JsonStrings.FirstInvalid(json.RootElement) is { } invalid)
        {
            json.Dispose();
            throw ChatwootFailureClassifier.NotChatwoot(call, status, body, invalid);
        }

        return new ChatwootAnswer(json, call, status, body);
    }

    /// <summary>The answer is not what Chatwoot sends here; <paramref name="reason"/> says what is wrong.</summary>
    public Exception Wrong(string reason) => ChatwootFailureClassifier.NotChatwoot(_call, _status, _body, reason);

    /// <summary><paramref name="name"/> of <paramref name="element"/> as a positive integer, or throws naming <paramref name="what"/>.</summary>
    public long Id(JsonElement element, string name, string what) =>
        PositiveId(element, name) ?? throw Wrong($"{what} is not a positive integer");

    /// <summary>The property when it is an object; throws when present with another type; null when absent or null.</summary>
    public JsonElement? OptionalObject(JsonElement element, string name, string what)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw Wrong($"{what} is not an object");
    }

    /// <summary>The property when it is an array; throws otherwise.</summary>
    public JsonElement Array(JsonElement element, string name, string what) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value : throw Wrong($"{what} is not an array");

    /// <summary>A string that must be there.</summary>
    public string RequiredString(JsonElement element, string name, string what) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Wrong($"{what} is missing or not a string");

    /// <summary>A string that may be absent or null, but nothing else.</summary>
    public string? OptionalString(JsonElement element, string name, string what)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Wrong($"{what} is not a string");
    }

    /// <summary>A source id as RyzeApi stores and sends it back: non-empty, printable, bounded.</summary>
    public string SourceId(string? value, string what) =>
        UpstreamIds.IsUsable(value) ? value! : throw Wrong($"{what} is not a usable source id (1 to {UpstreamIds.MaxLength} printable characters)");

    /// <summary>A positive JSON integer, or null for anything else (absent, 0, negative, a string, a fraction).</summary>
    public static long? PositiveId(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var id) && id > 0
            ? id
            : null;

    public void Dispose() => _json.Dispose();
}
