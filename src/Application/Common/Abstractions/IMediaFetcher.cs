namespace RyzeApi.Application.Common.Abstractions;

/// <summary>Downloads a media URL, size-capped and time-limited; throws <see cref="Exceptions.MediaUnavailableException"/>.</summary>
public interface IMediaFetcher
{
    Task<MediaFile> FetchAsync(string url, string? fileName, string? contentType, CancellationToken cancellationToken);
}
