namespace RyzeApi.Application.Common.Exceptions;

/// <summary>A caller proved nothing (401): a missing or wrong signature, for example.</summary>
public sealed class UnauthorizedException(string message) : ApplicationFailure(FailureKind.Unauthenticated, message);
