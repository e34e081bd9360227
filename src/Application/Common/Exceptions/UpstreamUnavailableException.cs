namespace RyzeApi.Application.Common.Exceptions;

/// <summary>The upstream could not be reached or failed (5xx, DNS, refused, TLS, timeout): 502.</summary>
public sealed class UpstreamUnavailableException(string message, Exception? inner = null) : ApplicationFailure(FailureKind.UpstreamUnavailable, message, inner);
