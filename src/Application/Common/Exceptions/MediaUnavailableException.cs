namespace RyzeApi.Application.Common.Exceptions;

/// <summary>A media file could not be downloaded (too big, refused, unreachable).</summary>
public sealed class MediaUnavailableException(string message, Exception? inner = null) : ApplicationFailure(FailureKind.MediaUnavailable, message, inner);
