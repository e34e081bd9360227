using System.Text;

namespace RyzeApi.Infrastructure.Upstream;

/// <summary>Reads each answer's body once, into memory, and keeps its bytes with the request
/// (<see cref="Body"/>): Refit deserialises the typed answer from them, and an adapter that finds the answer
/// wrong quotes them in its error detail without reading the network again.</summary>
internal sealed class AnswerBodyHandler : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<byte[]> s_key = new("ryzeapi.answerBody");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            var original = response.Content;
            var bytes = await original.ReadAsByteArrayAsync(cancellationToken);
            var content = new ByteArrayContent(bytes);
            foreach (var header in original.Headers)
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            original.Dispose();
            response.Content = content;
            request.Options.Set(s_key, bytes);
            response.RequestMessage?.Options.Set(s_key, bytes);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The body of the answer to <paramref name="request"/>; empty when none was read.</summary>
    public static byte[] Body(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(s_key, out var bytes) ? bytes : [];

    /// <summary>The body as text, for an error detail (never on the success path).</summary>
    public static string Text(HttpRequestMessage? request) => Text(Body(request));

    /// <summary><paramref name="body"/> as UTF-8 text, without a byte order mark.</summary>
    public static string Text(byte[] body) => Encoding.UTF8.GetString(WithoutBom(body).Span);

    public static ReadOnlyMemory<byte> WithoutBom(byte[] body) =>
        body.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? body.AsMemory(3) : body;
}
