namespace RyzeApi.Application.Common.Exceptions;

/// <summary>The local database failed while storing the outcome of an operation (500). The message
/// is part of the contract and safe to show.</summary>
public sealed class PersistenceFailedException(string message, Exception? inner = null) : ApplicationFailure(FailureKind.PersistenceFailed, message, inner);
