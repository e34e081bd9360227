namespace RyzeApi.Infrastructure.Engine;

/// <summary>Downloads the engine's media URLs, refusing files above <see cref="RoutingOptions.MediaMaxBytes"/>.</summary>
internal sealed class MediaFetcher(IHttpClientFactory clients, IOptions<RoutingOptions> options) : IMediaFetcher
{
    public const string ClientName = "media";
    private readonly RoutingOptions _options = options.Value;

    public async Task<MediaFile> FetchAsync(string url, string? fileName, string? contentType, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new MediaUnavailableException($"not an http(s) URL: {url}");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.MediaDownloadTimeout);
        try
        {
            using var client = clients.CreateClient(ClientName);
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new MediaUnavailableException($"GET {uri.GetLeftPart(UriPartial.Path)} answered HTTP {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > _options.MediaMaxBytes)
            {
                throw new MediaUnavailableException($"the file is larger than {_options.MediaMaxBytes} bytes");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + read > _options.MediaMaxBytes)
                {
                    throw new MediaUnavailableException($"the file is larger than {_options.MediaMaxBytes} bytes");
                }

                buffer.Write(chunk, 0, read);
            }

            if (buffer.Length == 0)
            {
                // A 2xx with no bytes is no file: Chatwoot would show an empty attachment.
                throw new MediaUnavailableException($"GET {uri.GetLeftPart(UriPartial.Path)} answered HTTP {(int)response.StatusCode} with no content");
            }

            var type = contentType ?? response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
            return new MediaFile(buffer.ToArray(), FileName(fileName, uri), type);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new MediaUnavailableException($"GET {uri.GetLeftPart(UriPartial.Path)} failed: {exception.Message}", exception);
        }
    }

    /// <summary>The name given, else the URL's last segment, else a neutral one: never blank (uploads refuse that).</summary>
    private static string FileName(string? given, Uri uri)
    {
        var name = string.IsNullOrWhiteSpace(given) ? Path.GetFileName(uri.LocalPath) : given;
        return string.IsNullOrWhiteSpace(name) ? "file" : name;
    }
}
