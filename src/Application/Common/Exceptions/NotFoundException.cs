namespace RyzeApi.Application.Common.Exceptions;

/// <summary>The addressed resource does not exist for this caller (404).</summary>
public sealed class NotFoundException(string message) : ApplicationFailure(FailureKind.NotFound, message);
