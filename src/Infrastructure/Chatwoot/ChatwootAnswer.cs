using System.Text.Json;
using Refit;
using RyzeApi.Application.Common.Validation;
using RyzeApi.Infrastructure.Upstream;

namespace RyzeApi.Infrastructure.Chatwoot;

/// <summary>A 2xx answer from Chatwoot, judged strictly: a JSON object whose ids are positive integers and whose
/// strings are strings. Anything else is not Chatwoot's answer (a proxy's page, a stub, another API) and is
/// thrown as <see cref="ChatwootFailureClassifier.NotChatwoot"/>, so no 0, negative or made-up value is ever stored.</summary>
internal sealed class ChatwootAnswer
{
    private readonly ChatwootCall _call;
    private readonly int _status;
    private readonly byte[] _body;

    private ChatwootAnswer(ChatwootCall call, int status, byte[] body)
    {
        _call = call;
        _status = status;
        _body = body;
    }

    /// <summary>Sends, classifies a failure or a non-2xx status as usual, and returns the typed answer when it is a
    /// JSON object of valid text; its fields are then judged through the returned <see cref="ChatwootAnswer"/>.</summary>
    public static async Task<(T Content, ChatwootAnswer Answer)> ReadAsync<T>(ChatwootCall call, Func<Task<IApiResponse<T>>> send)
        where T : class
    {
        using var response = await ChatwootTransport.SendAsync(call, send);
        return Judge(call, response);
    }

    /// <summary>The status, then the body: Refit could read it as <typeparamref name="T"/> only if it is a JSON object.</summary>
    public static (T Content, ChatwootAnswer Answer) Judge<T>(ChatwootCall call, IApiResponse<T> response)
        where T : class
    {
        var body = AnswerBodyHandler.Body(response.RequestMessage);
        var status = (int)(response.StatusCode ?? 0);
        if (!response.IsSuccessStatusCode)
        {
            throw ChatwootFailureClassifier.FromResponse(call, status, AnswerBodyHandler.Text(body), response.Headers?.Location?.ToString());
        }

        var answer = new ChatwootAnswer(call, status, body);
        if (response.Content is not { } content)
        {
            throw answer.Wrong(WhyUnreadable(body, response.Error));
        }

        // A lone surrogate escape anywhere is this answer's fault, as when it breaks a field RyzeApi reads. Only an
        // escape from \uD800 to \uDFFF can make one, so most answers skip the walk.
        if (MayHoldSurrogateEscape(body) && FirstInvalidText(body) is { } invalid)
        {
            throw answer.Wrong(invalid);
        }

        return (content, answer);
    }

    /// <summary>The answer is not what Chatwoot sends here; <paramref name="reason"/> says what is wrong.</summary>
    public Exception Wrong(string reason) => ChatwootFailureClassifier.NotChatwoot(_call, _status, AnswerBodyHandler.Text(_body), reason);

    /// <summary>A positive integer, or throws naming <paramref name="what"/>.</summary>
    public long Id(JsonField<long> field, string what) =>
        PositiveId(field) ?? throw Wrong($"{what} is not a positive integer");

    /// <summary>The object; throws when present with another kind; null when absent or null.</summary>
    public T? OptionalObject<T>(JsonField<T> field, string what)
        where T : class =>
        field.Kind == JsonFieldKind.Other ? throw Wrong($"{what} is not an object") : field.OrNull;

    /// <summary>The array; throws otherwise.</summary>
    public List<JsonField<T>> Array<T>(JsonField<List<JsonField<T>>> field, string what) =>
        field.OrNull ?? throw Wrong($"{what} is not an array");

    /// <summary>A string that must be there.</summary>
    public string RequiredString(JsonField<string> field, string what) =>
        field.OrNull ?? throw Wrong($"{what} is missing or not a string");

    /// <summary>A string that may be absent or null, but nothing else.</summary>
    public string? OptionalString(JsonField<string> field, string what) =>
        field.Kind == JsonFieldKind.Other ? throw Wrong($"{what} is not a string") : field.OrNull;

    /// <summary>A source id as RyzeApi stores and sends it back: non-empty, printable, bounded.</summary>
    public string SourceId(string? value, string what) =>
        UpstreamIds.IsUsable(value) ? value! : throw Wrong($"{what} is not a usable source id (1 to {UpstreamIds.MaxLength} printable characters)");

    /// <summary>A positive JSON integer, or null for anything else (absent, 0, negative, a string, a fraction).</summary>
    public static long? PositiveId(JsonField<long> field) =>
        field is { Kind: JsonFieldKind.Value, Value: > 0 } ? field.Value : null;

    /// <summary>Why Refit could not read the body as the expected object, in the words of the error detail.</summary>
    private static string WhyUnreadable(byte[] body, Exception? error)
    {
        try
        {
            using var json = JsonDocument.Parse(AnswerBodyHandler.WithoutBom(body));
            return json.RootElement.ValueKind != JsonValueKind.Object ? "the answer is not a JSON object"
                : JsonStrings.FirstInvalid(json.RootElement)
                    ?? $"the answer could not be read ({(error?.InnerException ?? error)?.Message ?? "no content"})";
        }
        catch (JsonException)
        {
            return "the answer is not JSON";
        }
    }

    private static string? FirstInvalidText(byte[] body)
    {
        using var json = JsonDocument.Parse(AnswerBodyHandler.WithoutBom(body));
        return JsonStrings.FirstInvalid(json.RootElement);
    }

    private static bool MayHoldSurrogateEscape(ReadOnlySpan<byte> json)
    {
        for (var at = json.IndexOf("\\u"u8); at >= 0 && at + 3 < json.Length; at = json.IndexOf("\\u"u8))
        {
            if ((json[at + 2] | 0x20) == 'd' && json[at + 3] is (byte)'8' or (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F')
            {
                return true;
            }

            json = json[(at + 2)..];
        }

        return false;
    }
}
