namespace RyzeApi.Application.Common.Exceptions;

/// <summary>Raised by persistence adapters so that Application code can react to a database failure
/// without naming the database library.</summary>
public sealed class DatabaseUnavailableException(string message, Exception? inner = null) : ApplicationFailure(FailureKind.DatabaseUnavailable, message, inner);
