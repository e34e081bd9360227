namespace RyzeApi.Application.Common.Exceptions;

/// <summary>The request body (or its path or query) broke one or more rules. <see cref="Exception.Message"/> is
/// <c>invalid body: </c> (<c>invalid path: </c>, <c>invalid query: </c>) followed by every failure, each naming its field.</summary>
public sealed class ValidationException : ApplicationFailure
{
    public ValidationException(IReadOnlyList<string> failures)
        : this("invalid body", failures)
    {
    }

    /// <param name="part">What was invalid when it is not the body: <c>invalid path</c>, <c>invalid query</c>.</param>
    public ValidationException(string part, IReadOnlyList<string> failures)
        : base(FailureKind.Validation, part + ": " + string.Join("; ", failures))
    {
        Failures = failures;
    }

    public IReadOnlyList<string> Failures { get; }
}
