namespace RyzeApi.Application.Common.Exceptions;

/// <summary>The request conflicts with the current state (409).</summary>
public sealed class ConflictException(string message) : ApplicationFailure(FailureKind.Conflict, message);
