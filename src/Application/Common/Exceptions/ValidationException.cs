namespace RyzeApi.Application.Common.Exceptions;

/// <summary>The request body broke one or more rules. <see cref="Exception.Message"/> is
/// <c>invalid body: </c> followed by every failure, each naming its field.</summary>
public sealed class ValidationException : Exception
{
    public ValidationException(IReadOnlyList<string> failures)
        : base("invalid body: " + string.Join("; ", failures))
    {
        Failures = failures;
    }

    public IReadOnlyList<string> Failures { get; }
}
